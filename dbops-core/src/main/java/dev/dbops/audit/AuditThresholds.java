package dev.dbops.audit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds the audit's checks compare against; every one has a documented default
 * ({@link AuditThreshold#defaultValue()}), so {@link #defaults()} is a sound start.
 *
 * <pre>{@code
 * AuditThresholds thresholds = AuditThresholds.builder()
 *         .set(AuditThreshold.LONG_QUERY_WARNING, Duration.ofSeconds(30))
 *         .set("unused-index-min-size", "10MB")
 *         .build();
 * }</pre>
 */
public final class AuditThresholds {

    private static final AuditThresholds DEFAULTS = builder().build();

    private final Map<AuditThreshold, Object> values;

    private AuditThresholds(Map<AuditThreshold, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** Every threshold at its default. */
    public static AuditThresholds defaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A count or a size in bytes. */
    public long count(AuditThreshold threshold) {
        requireKind(threshold, AuditThreshold.Kind.COUNT, AuditThreshold.Kind.BYTES);
        return (Long) values.get(threshold);
    }

    /** A ratio or a factor. */
    public double ratio(AuditThreshold threshold) {
        requireKind(threshold, AuditThreshold.Kind.RATIO, AuditThreshold.Kind.FACTOR);
        return (Double) values.get(threshold);
    }

    /** A duration. */
    public Duration duration(AuditThreshold threshold) {
        requireKind(threshold, AuditThreshold.Kind.DURATION, AuditThreshold.Kind.DURATION);
        return (Duration) values.get(threshold);
    }

    /** Every threshold with its value, in declaration order. */
    public Map<AuditThreshold, Object> values() {
        return values;
    }

    /** The thresholds that differ from their defaults, as {@code key=value}. */
    @Override
    public String toString() {
        List<String> changed = new ArrayList<>();
        values.forEach((threshold, value) -> {
            if (!value.equals(threshold.defaultValue())) {
                changed.add(threshold.key() + "=" + ThresholdText.format(threshold.kind(), value));
            }
        });
        return "AuditThresholds" + changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditThresholds that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    private static void requireKind(AuditThreshold threshold, AuditThreshold.Kind one, AuditThreshold.Kind other) {
        if (threshold.kind() != one && threshold.kind() != other) {
            throw new IllegalArgumentException(threshold.key() + " is a " + threshold.kind() + " threshold, not "
                    + (one == other ? one : one + " or " + other));
        }
    }

    /** Sets thresholds; {@link #build()} reports every invalid value at once. */
    public static final class Builder {

        private final Map<AuditThreshold, Object> values = new EnumMap<>(AuditThreshold.class);
        private final List<String> problems = new ArrayList<>();

        private Builder() {
            for (AuditThreshold threshold : AuditThreshold.values()) {
                values.put(threshold, threshold.defaultValue());
            }
        }

        /** Sets a count or a size in bytes. */
        public Builder set(AuditThreshold threshold, long value) {
            requireKind(threshold, AuditThreshold.Kind.COUNT, AuditThreshold.Kind.BYTES);
            values.put(threshold, value);
            return this;
        }

        /** Sets a ratio or a factor. */
        public Builder set(AuditThreshold threshold, double value) {
            requireKind(threshold, AuditThreshold.Kind.RATIO, AuditThreshold.Kind.FACTOR);
            values.put(threshold, value);
            return this;
        }

        /** Sets a duration. */
        public Builder set(AuditThreshold threshold, Duration value) {
            requireKind(threshold, AuditThreshold.Kind.DURATION, AuditThreshold.Kind.DURATION);
            values.put(threshold, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets a threshold from its key and a text value, as the CLI and framework properties give them:
         * {@code set("long-query-warning", "30s")}, {@code set("unused-index-min-size", "10MB")},
         * {@code set("connection-warning-ratio", "75%")}. Unknown keys and unreadable values are reported
         * by {@link #build()}.
         */
        public Builder set(String key, String text) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
            AuditThreshold threshold = AuditThreshold.byKey(key.strip()).orElse(null);
            if (threshold == null) {
                problems.add("unknown threshold '" + key + "'; known: " + knownKeys());
                return this;
            }
            try {
                values.put(threshold, ThresholdText.parse(threshold.kind(), text.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(threshold.key() + "=" + text + ": " + e.getMessage());
            }
            return this;
        }

        /**
         * Validates every threshold and builds.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every problem
         */
        public AuditThresholds build() {
            List<String> all = new ArrayList<>(problems);
            values.forEach((threshold, value) -> validate(threshold, value, all));
            ordered(AuditThreshold.SEQUENCE_WARNING_RATIO, AuditThreshold.SEQUENCE_CRITICAL_RATIO, all);
            ordered(AuditThreshold.CONNECTION_WARNING_RATIO, AuditThreshold.CONNECTION_CRITICAL_RATIO, all);
            ordered(AuditThreshold.LONG_QUERY_WARNING, AuditThreshold.LONG_QUERY_CRITICAL, all);
            ordered(AuditThreshold.IDLE_IN_TRANSACTION_WARNING, AuditThreshold.IDLE_IN_TRANSACTION_CRITICAL, all);
            ordered(AuditThreshold.REPLICATION_LAG_WARNING, AuditThreshold.REPLICATION_LAG_CRITICAL, all);
            if (!all.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid audit thresholds: " + String.join("; ", all));
            }
            return new AuditThresholds(values);
        }

        private static void validate(AuditThreshold threshold, Object value, List<String> problems) {
            String bad = switch (threshold.kind()) {
                case COUNT, BYTES -> (Long) value < 0 ? "must not be negative" : null;
                case RATIO -> (Double) value < 0 || (Double) value > 1 || ((Double) value).isNaN()
                        ? "must be between 0 and 1" : null;
                case FACTOR -> !((Double) value > 0) || ((Double) value).isInfinite() ? "must be greater than 0" : null;
                case DURATION -> ((Duration) value).isNegative() || ((Duration) value).isZero() ? "must be positive" : null;
            };
            if (bad != null) {
                problems.add(threshold.key() + " " + bad + ", was " + ThresholdText.format(threshold.kind(), value));
            }
        }

        @SuppressWarnings("unchecked")
        private void ordered(AuditThreshold warning, AuditThreshold critical, List<String> problems) {
            Comparable<Object> low = (Comparable<Object>) values.get(warning);
            if (low.compareTo(values.get(critical)) > 0) {
                problems.add(warning.key() + " (" + ThresholdText.format(warning.kind(), low) + ") must not exceed "
                        + critical.key() + " (" + ThresholdText.format(critical.kind(), values.get(critical)) + ")");
            }
        }

        private static String knownKeys() {
            List<String> keys = new ArrayList<>();
            for (AuditThreshold threshold : AuditThreshold.values()) {
                keys.add(threshold.key());
            }
            return String.join(", ", keys);
        }
    }
}
