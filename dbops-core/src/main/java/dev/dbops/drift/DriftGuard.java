package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link DriftReport} into pass, warn or fail by policy: the decision a startup guard, a CI step
 * or a test acts on. The report itself never fails anything.
 *
 * <pre>{@code
 * DriftGuard guard = DriftGuard.builder()
 *         .failOn(DriftLevel.DRIFT)                                  // the default
 *         .on(HistoryStatus.FORMATTING_ONLY, DriftGuard.Outcome.WARN) // reformatting is not worth a failed start
 *         .build();
 * DriftGuard.Decision decision = guard.evaluate(report);
 * if (decision.outcome() == DriftGuard.Outcome.FAIL) {
 *     throw new IllegalStateException(decision.message());
 * }
 * }</pre>
 *
 * <p>Each history entry weighs what its status's {@linkplain HistoryStatus#level() level} maps to
 * ({@link #builder()}: {@link DriftLevel#DRIFT} fails, {@link DriftLevel#WARNING} warns, the rest pass),
 * unless its status has its own outcome. Each schema difference weighs {@link Builder#schemaDifferences},
 * a replay that fails weighs {@link Builder#replayFailure}; both fail by default.
 */
public final class DriftGuard {

    /** What the guard decides. */
    public enum Outcome {
        /** Nothing to act on. */
        PASS,
        /** Log the reasons and carry on. */
        WARN,
        /** Stop: fail the startup, the build or the test. */
        FAIL
    }

    /**
     * The decision and why: one line per finding that made it warn or fail, strongest first.
     *
     * @param outcome the strongest outcome of any finding
     * @param reasons the findings that warn or fail, as {@code FAIL V3 checksum changed, content changed: …}
     */
    public record Decision(Outcome outcome, List<String> reasons) {

        /** Copies the reasons. */
        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            reasons = List.copyOf(reasons);
        }

        /** The reasons as one message, one per line, after a first line with the outcome and their count. */
        public String message() {
            StringBuilder text = new StringBuilder("drift guard: ").append(outcome);
            if (!reasons.isEmpty()) {
                text.append(" (").append(reasons.size()).append(reasons.size() == 1 ? " finding)" : " findings)");
                reasons.forEach(r -> text.append('\n').append(r));
            }
            return text.toString();
        }
    }

    /** The level from which history entries fail when {@link Builder#failOn} is not called. */
    public static final DriftLevel DEFAULT_FAIL_ON = DriftLevel.DRIFT;

    private final Map<DriftLevel, Outcome> byLevel;
    private final Map<HistoryStatus, Outcome> byStatus;
    private final Outcome schemaDifferences;
    private final Outcome replayFailure;

    private DriftGuard(Builder builder) {
        this.byLevel = new EnumMap<>(builder.byLevel);
        this.byStatus = new EnumMap<>(builder.byStatus);
        this.schemaDifferences = builder.schemaDifferences;
        this.replayFailure = builder.replayFailure;
    }

    /** Starts configuring a guard with the defaults: drift fails, warnings warn. */
    public static Builder builder() {
        return new Builder();
    }

    /** Weighs every finding of the report. */
    public Decision evaluate(DriftReport report) {
        List<String> fails = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        for (HistoryEntry entry : report.history().entries()) {
            Outcome outcome = byStatus.getOrDefault(entry.status(), byLevel.get(entry.level()));
            collect(outcome, entry.migration() + " " + entry.status().label() + ": " + entry.message(), fails, warns);
        }
        report.schema().replayFailure().ifPresent(f -> collect(replayFailure, f.describe(), fails, warns));
        for (SchemaDifference difference : report.schema().differences()) {
            collect(schemaDifferences, difference.message(), fails, warns);
        }
        List<String> reasons = new ArrayList<>();
        fails.forEach(r -> reasons.add("FAIL " + r));
        warns.forEach(r -> reasons.add("WARN " + r));
        Outcome outcome = !fails.isEmpty() ? Outcome.FAIL : !warns.isEmpty() ? Outcome.WARN : Outcome.PASS;
        return new Decision(outcome, reasons);
    }

    private static void collect(Outcome outcome, String reason, List<String> fails, List<String> warns) {
        if (outcome == Outcome.FAIL) {
            fails.add(reason);
        } else if (outcome == Outcome.WARN) {
            warns.add(reason);
        }
    }

    /** Configures a {@link DriftGuard}. */
    public static final class Builder {

        private final Map<DriftLevel, Outcome> byLevel = new EnumMap<>(Map.of(DriftLevel.OK, Outcome.PASS,
                DriftLevel.INFO, Outcome.PASS, DriftLevel.WARNING, Outcome.WARN, DriftLevel.DRIFT, Outcome.FAIL));
        private final Map<HistoryStatus, Outcome> byStatus = new EnumMap<>(HistoryStatus.class);
        private Outcome schemaDifferences = Outcome.FAIL;
        private Outcome replayFailure = Outcome.FAIL;
        private final List<String> errors = new ArrayList<>();

        private Builder() {
        }

        /**
         * History entries at this level or above fail, those below it warn when at {@link DriftLevel#WARNING}
         * or above, the rest pass (default {@link DriftLevel#DRIFT}).
         */
        public Builder failOn(DriftLevel level) {
            if (level == null) {
                errors.add("failOn needs a level");
                return this;
            }
            for (DriftLevel each : DriftLevel.values()) {
                byLevel.put(each, each.isAtLeast(level) ? Outcome.FAIL
                        : each.isAtLeast(DriftLevel.WARNING) ? Outcome.WARN : Outcome.PASS);
            }
            return this;
        }

        /** History entries with this status get this outcome, whatever their level. */
        public Builder on(HistoryStatus status, Outcome outcome) {
            if (status == null || outcome == null) {
                errors.add("on(status, outcome) needs both, got " + status + " and " + outcome);
            } else {
                byStatus.put(status, outcome);
            }
            return this;
        }

        /** The outcome of each schema difference (default {@link Outcome#FAIL}). */
        public Builder schemaDifferences(Outcome outcome) {
            if (outcome == null) {
                errors.add("schemaDifferences needs an outcome");
            } else {
                this.schemaDifferences = outcome;
            }
            return this;
        }

        /** The outcome of a replay that fails (default {@link Outcome#FAIL}). */
        public Builder replayFailure(Outcome outcome) {
            if (outcome == null) {
                errors.add("replayFailure needs an outcome");
            } else {
                this.replayFailure = outcome;
            }
            return this;
        }

        /**
         * Creates the guard.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public DriftGuard build() {
            if (!errors.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid DriftGuard options: " + String.join("; ", errors));
            }
            return new DriftGuard(this);
        }
    }
}
