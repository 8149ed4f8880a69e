package dev.dbops.audit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Every configurable threshold of the audit, with its stable kebab-case key and its default. The key
 * is the same in {@code dbops audit --threshold key=value} and, prefixed with {@code dbops.audit.},
 * in framework properties.
 */
public enum AuditThreshold {

    /** An index scanned at most this many times since the statistics reset counts as unused. */
    UNUSED_INDEX_MAX_SCANS("unused-index-max-scans", Kind.COUNT, 0L),
    /** Unused indexes smaller than this are not reported. */
    UNUSED_INDEX_MIN_SIZE("unused-index-min-size", Kind.BYTES, 1L << 20),
    /** Index bloat is reported only when the estimated waste is at least this large… */
    INDEX_BLOAT_MIN_SIZE("index-bloat-min-size", Kind.BYTES, 10L << 20),
    /** …and at least this share of the index. */
    INDEX_BLOAT_MIN_RATIO("index-bloat-min-ratio", Kind.RATIO, 0.5),
    /** Table bloat is reported only when the waste is at least this large… */
    TABLE_BLOAT_MIN_SIZE("table-bloat-min-size", Kind.BYTES, 10L << 20),
    /** …and at least this share of the table. */
    TABLE_BLOAT_MIN_RATIO("table-bloat-min-ratio", Kind.RATIO, 0.5),
    /** Statistics past the autoanalyze threshold are stale once the last analyze is older than this. */
    STATISTICS_MAX_AGE("statistics-max-age", Kind.DURATION, Duration.ofDays(1)),
    /** Statistics are stale, whatever their age, once changes reach this multiple of the autoanalyze threshold. */
    STALE_STATISTICS_FACTOR("stale-statistics-factor", Kind.FACTOR, 2.0),
    /** Vacuum is overdue once dead tuples (or inserts) reach this multiple of the autovacuum threshold. */
    VACUUM_OVERDUE_FACTOR("vacuum-overdue-factor", Kind.FACTOR, 2.0),
    /** A sequence that used this share of its range is a warning… */
    SEQUENCE_WARNING_RATIO("sequence-warning-ratio", Kind.RATIO, 0.75),
    /** …and this share, critical. */
    SEQUENCE_CRITICAL_RATIO("sequence-critical-ratio", Kind.RATIO, 0.9),
    /** XID or multixact age at this multiple of its autovacuum freeze max age is a warning: autovacuum is behind. */
    WRAPAROUND_WARNING_FACTOR("wraparound-warning-factor", Kind.FACTOR, 1.25),
    /** XID or multixact age from which a finding is critical (the hard limit is about 2.1 billion). */
    WRAPAROUND_CRITICAL_AGE("wraparound-critical-age", Kind.COUNT, 1_000_000_000L),
    /** A query running this long is a warning… */
    LONG_QUERY_WARNING("long-query-warning", Kind.DURATION, Duration.ofMinutes(1)),
    /** …and this long, critical. */
    LONG_QUERY_CRITICAL("long-query-critical", Kind.DURATION, Duration.ofMinutes(30)),
    /** A session idle in transaction this long is a warning… */
    IDLE_IN_TRANSACTION_WARNING("idle-in-transaction-warning", Kind.DURATION, Duration.ofMinutes(1)),
    /** …and this long, critical. */
    IDLE_IN_TRANSACTION_CRITICAL("idle-in-transaction-critical", Kind.DURATION, Duration.ofMinutes(15)),
    /** A backend or slot whose xmin is this many transactions old holds back the horizon. */
    XMIN_HORIZON_MIN_AGE("xmin-horizon-min-age", Kind.COUNT, 1_000_000L),
    /** A prepared transaction older than this is reported, whatever its xmin age. */
    PREPARED_TRANSACTION_MAX_AGE("prepared-transaction-max-age", Kind.DURATION, Duration.ofMinutes(5)),
    /** Client connections at this share of the usable connections are a warning… */
    CONNECTION_WARNING_RATIO("connection-warning-ratio", Kind.RATIO, 0.8),
    /** …and at this share, critical. */
    CONNECTION_CRITICAL_RATIO("connection-critical-ratio", Kind.RATIO, 0.95),
    /** Replay lag of this long is a warning… */
    REPLICATION_LAG_WARNING("replication-lag-warning", Kind.DURATION, Duration.ofMinutes(1)),
    /** …and this long, critical. */
    REPLICATION_LAG_CRITICAL("replication-lag-critical", Kind.DURATION, Duration.ofMinutes(15)),
    /** WAL not yet replayed by a replica of this size is a warning, whatever the time lag. */
    REPLICATION_LAG_WARNING_SIZE("replication-lag-warning-size", Kind.BYTES, 1L << 30),
    /** An inactive slot retaining this much WAL is a warning (below it, info). */
    SLOT_RETAINED_WARNING_SIZE("slot-retained-warning-size", Kind.BYTES, 1L << 30),
    /** Statements with a mean execution time of at least this… */
    SLOW_QUERY_MIN_MEAN("slow-query-min-mean", Kind.DURATION, Duration.ofMillis(100)),
    /** …and at least this many calls are slow. */
    SLOW_QUERY_MIN_CALLS("slow-query-min-calls", Kind.COUNT, 100L),
    /** A statement whose mean time since the baseline is this multiple of its baseline mean regressed… */
    REGRESSION_FACTOR("regression-factor", Kind.FACTOR, 1.5),
    /** …when it was called at least this often since the baseline… */
    REGRESSION_MIN_CALLS("regression-min-calls", Kind.COUNT, 100L),
    /** …and its mean since the baseline is at least this. */
    REGRESSION_MIN_MEAN("regression-min-mean", Kind.DURATION, Duration.ofMillis(10)),
    /** A database whose share of block reads served from shared buffers is below this… */
    CACHE_HIT_MIN_RATIO("cache-hit-min-ratio", Kind.RATIO, 0.99),
    /** …is reported once it has read at least this many blocks (hits and misses). */
    CACHE_HIT_MIN_BLOCKS("cache-hit-min-blocks", Kind.COUNT, 100_000L);

    private final String key;
    private final Kind kind;
    private final Object defaultValue;

    AuditThreshold(String key, Kind kind, Object defaultValue) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
    }

    /** The stable kebab-case key, e.g. {@code unused-index-min-size}. */
    public String key() {
        return key;
    }

    /** What kind of value it takes. */
    public Kind kind() {
        return kind;
    }

    /** The default: a {@link Long} for counts and sizes, a {@link Double} for ratios and factors, a {@link Duration}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The threshold with this key, if there is one. */
    public static Optional<AuditThreshold> byKey(String key) {
        Objects.requireNonNull(key, "key");
        return Arrays.stream(values()).filter(threshold -> threshold.key.equals(key)).findFirst();
    }

    /** The kinds of threshold values, and how they are written as text. */
    public enum Kind {
        /** A whole number ≥ 0: {@code 100}. */
        COUNT,
        /** A size ≥ 0 in bytes; as text with PostgreSQL's units: {@code 512kB}, {@code 10MB}, {@code 1GB}, {@code 2TB}, {@code 100B}. */
        BYTES,
        /** A share from 0 to 1: {@code 0.9}, or as text {@code 90%}. */
        RATIO,
        /** A multiple greater than 0: {@code 1.5}. */
        FACTOR,
        /** A positive time; as text with PostgreSQL's units: {@code 500ms}, {@code 30s}, {@code 5min}, {@code 2h}, {@code 1d}. */
        DURATION
    }
}
