package dev.dbops.audit;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects a finding's evidence in order, leaving out values the server did not report (SQL NULL). */
final class Evidence {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A count, a size in bytes, an id or an age in transactions. */
    Evidence count(String key, Long value) {
        return put(key, value);
    }

    /** A ratio or a multiple, rounded to four decimals. */
    Evidence ratio(String key, Double value) {
        return put(key, value == null ? null : Math.round(value * 10_000.0) / 10_000.0);
    }

    /** A duration in seconds, rounded to milliseconds. */
    Evidence seconds(String key, Double seconds) {
        return put(key, seconds == null ? null : Math.round(seconds * 1_000.0) / 1_000.0);
    }

    /** A duration in milliseconds, rounded to microseconds. */
    Evidence millis(String key, Double millis) {
        return put(key, millis == null ? null : Math.round(millis * 1_000.0) / 1_000.0);
    }

    /** A point in time, as ISO-8601 UTC text. */
    Evidence time(String key, Timestamp time) {
        return put(key, time == null ? null : time.toInstant().toString());
    }

    /** A word or a name. */
    Evidence text(String key, String value) {
        return put(key, value);
    }

    /** A yes/no fact. */
    Evidence flag(String key, Boolean value) {
        return put(key, value);
    }

    Map<String, Object> map() {
        return values;
    }

    private Evidence put(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }
}
