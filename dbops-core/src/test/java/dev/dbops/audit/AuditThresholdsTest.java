package dev.dbops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditThresholdsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        AuditThresholds defaults = AuditThresholds.defaults();

        assertThat(defaults.count(AuditThreshold.UNUSED_INDEX_MIN_SIZE)).isEqualTo(1L << 20);
        assertThat(defaults.ratio(AuditThreshold.SEQUENCE_CRITICAL_RATIO)).isEqualTo(0.9);
        assertThat(defaults.duration(AuditThreshold.LONG_QUERY_WARNING)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.values()).hasSize(AuditThreshold.values().length);
        assertThat(defaults).hasToString("AuditThresholds[]");
    }

    @Test
    void readsTextValuesWithPostgresUnits() {
        AuditThresholds thresholds = AuditThresholds.builder()
                .set("unused-index-min-size", "10MB")
                .set("table-bloat-min-size", "512kB")
                .set("slot-retained-warning-size", "2GB")
                .set("long-query-warning", "30s")
                .set("long-query-critical", "5min")
                .set("idle-in-transaction-warning", "1.5s")
                .set("statistics-max-age", "2d")
                .set("prepared-transaction-max-age", "PT90S")
                .set("connection-warning-ratio", "75%")
                .set("vacuum-overdue-factor", "3")
                .set("xmin-horizon-min-age", "5000")
                .build();

        assertThat(thresholds.count(AuditThreshold.UNUSED_INDEX_MIN_SIZE)).isEqualTo(10L << 20);
        assertThat(thresholds.count(AuditThreshold.TABLE_BLOAT_MIN_SIZE)).isEqualTo(512L << 10);
        assertThat(thresholds.count(AuditThreshold.SLOT_RETAINED_WARNING_SIZE)).isEqualTo(2L << 30);
        assertThat(thresholds.duration(AuditThreshold.LONG_QUERY_WARNING)).isEqualTo(Duration.ofSeconds(30));
        assertThat(thresholds.duration(AuditThreshold.LONG_QUERY_CRITICAL)).isEqualTo(Duration.ofMinutes(5));
        assertThat(thresholds.duration(AuditThreshold.IDLE_IN_TRANSACTION_WARNING)).isEqualTo(Duration.ofMillis(1500));
        assertThat(thresholds.duration(AuditThreshold.STATISTICS_MAX_AGE)).isEqualTo(Duration.ofDays(2));
        assertThat(thresholds.duration(AuditThreshold.PREPARED_TRANSACTION_MAX_AGE)).isEqualTo(Duration.ofSeconds(90));
        assertThat(thresholds.ratio(AuditThreshold.CONNECTION_WARNING_RATIO)).isEqualTo(0.75);
        assertThat(thresholds.ratio(AuditThreshold.VACUUM_OVERDUE_FACTOR)).isEqualTo(3.0);
        assertThat(thresholds.count(AuditThreshold.XMIN_HORIZON_MIN_AGE)).isEqualTo(5000L);
        assertThat(thresholds.toString()).contains("unused-index-min-size=10MB", "xmin-horizon-min-age=5000", "idle-in-transaction-warning=1500ms");
    }

    @Test
    void reportsEveryInvalidValueAtOnce() {
        assertThatThrownBy(() -> AuditThresholds.builder()
                .set("unused-index-min-size", "ten")
                .set("long-query-warning", "30")
                .set("no-such-threshold", "1")
                .set(AuditThreshold.SEQUENCE_WARNING_RATIO, 1.5)
                .set(AuditThreshold.REGRESSION_FACTOR, 0.0)
                .set(AuditThreshold.IDLE_IN_TRANSACTION_WARNING, Duration.ZERO)
                .set(AuditThreshold.CONNECTION_WARNING_RATIO, 0.99)
                .build())
                .isInstanceOf(DbopsException.class)
                .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("unused-index-min-size=ten: expected a size such as 512kB")
                .hasMessageContaining("long-query-warning=30: expected a time with a unit such as 500ms")
                .hasMessageContaining("unknown threshold 'no-such-threshold'; known: unused-index-max-scans,")
                .hasMessageContaining("sequence-warning-ratio must be between 0 and 1, was 1.5")
                .hasMessageContaining("regression-factor must be greater than 0, was 0.0")
                .hasMessageContaining("idle-in-transaction-warning must be positive, was 0.0ms")
                .hasMessageContaining("connection-warning-ratio (0.99) must not exceed connection-critical-ratio (0.95)");
    }

    @Test
    void refusesATypedValueOfTheWrongKind() {
        assertThatThrownBy(() -> AuditThresholds.builder().set(AuditThreshold.LONG_QUERY_WARNING, 5L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("long-query-warning is a DURATION threshold, not COUNT or BYTES");
        assertThatThrownBy(() -> AuditThresholds.defaults().ratio(AuditThreshold.UNUSED_INDEX_MAX_SCANS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKeyIsKebabCaseAndUnique() {
        assertThat(AuditThreshold.values()).extracting(AuditThreshold::key)
                .allMatch(key -> key.matches("[a-z]+(-[a-z]+)*")).doesNotHaveDuplicates();
        assertThat(AuditThreshold.byKey("long-query-warning")).contains(AuditThreshold.LONG_QUERY_WARNING);
    }
}
