package dev.dbops.lint;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.lint.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints migration SQL for lock safety: configure with {@link #builder()}, then {@link #lint} scripts or
 * whole migration sets. Instances are immutable and thread-safe; one run's state lives in the run.
 *
 * <pre>{@code
 * LintReport report = MigrationLinter.builder().pgVersion(16).build()
 *         .lintScript("V3__index.sql", "CREATE INDEX orders_created_idx ON orders (created_at);");
 * }</pre>
 */
public final class MigrationLinter {

    /** The PostgreSQL major version assumed when none is given: the version of dbops's default embedded server. */
    public static final int DEFAULT_PG_VERSION = 15;
    /** The oldest PostgreSQL major version the rules know. */
    public static final int MIN_PG_VERSION = 12;
    /** The newest PostgreSQL major version the rules know. */
    public static final int MAX_PG_VERSION = 18;

    private final int pgVersion;
    private final List<LintRule> rules;
    private final Map<String, Severity> severities;
    private final Set<String> knownIds;
    private final Set<String> ignored;
    private final boolean lockTimeoutConfigured;
    private final boolean statementTimeoutConfigured;
    private final boolean plainScriptsInTransaction;
    private final boolean earlierMigrationsApplied;

    private MigrationLinter(Builder builder, List<LintRule> rules, Set<String> knownIds) {
        this.pgVersion = builder.pgVersion;
        this.rules = rules;
        this.severities = Map.copyOf(builder.severities);
        this.knownIds = knownIds;
        this.ignored = Set.copyOf(builder.ignored);
        this.lockTimeoutConfigured = builder.lockTimeoutConfigured;
        this.statementTimeoutConfigured = builder.statementTimeoutConfigured;
        this.plainScriptsInTransaction = builder.plainScriptsInTransaction;
        this.earlierMigrationsApplied = builder.earlierMigrationsApplied;
    }

    /** A builder with the defaults: PostgreSQL {@value #DEFAULT_PG_VERSION}, every built-in rule. */
    public static Builder builder() {
        return new Builder();
    }

    /** The PostgreSQL major version the rules assume. */
    public int pgVersion() {
        return pgVersion;
    }

    /** The rules this linter runs, after ignores. */
    public List<LintRule> rules() {
        return rules;
    }

    /**
     * Lints one plain SQL script, run the way {@code psql -f} runs it: each statement on its own unless
     * the script opens a transaction, or unless {@link Builder#plainScriptsInTransaction} is set.
     */
    public LintReport lintScript(String file, String sql) {
        return lint(List.of(MigrationScript.of(file, sql, plainScriptsInTransaction)), List.of());
    }

    /**
     * Lints scripts in the order the tool runs them; {@code problems} (files that could not be read) are
     * carried into the report. Tables created by earlier scripts count as new in later ones.
     */
    public LintReport lint(List<MigrationScript> scripts, List<InputProblem> problems) {
        return new LintRun(this, List.copyOf(scripts)).run(problems);
    }

    /**
     * Lints migrations loaded by {@link dev.dbops.migration.MigrationSource} in the order the tool runs
     * them, each with the transaction mode the tool will really use (Flyway: one transaction per script
     * unless a statement such as {@code CREATE INDEX CONCURRENTLY} cannot run in one, or its
     * {@code .sql.conf} says otherwise; Liquibase: {@code runInTransaction} per changeset). Undo and
     * baseline scripts are not linted: {@code migrate} does not run them in this order. The set's load
     * problems are carried into the report.
     */
    public LintReport lint(dev.dbops.migration.MigrationSet migrations) {
        MigrationScripts scripts = MigrationScripts.of(migrations, plainScriptsInTransaction);
        return lint(scripts.scripts(), scripts.problems());
    }

    /**
     * What the rules' lock catalogue declares for each statement of {@code scripts} on the PostgreSQL version
     * of this linter, in run order and with the locations of {@link #lint(List, List)}'s statements: the
     * table-level locks and whole-relation work (scans, index builds, rewrites), exact where a rule decides
     * exactly (a type change knowing the column's type from earlier scripts, {@code SET NOT NULL} knowing
     * their CHECK constraints), otherwise an upper bound that names its condition. Unlike violations, these
     * facts cover every statement, safe ones too, and tables created earlier in the run; the {@code trace}
     * capability compares them with what PostgreSQL really does.
     */
    public List<DeclaredEffects> declare(List<MigrationScript> scripts) {
        return LintRun.declare(this, List.copyOf(scripts));
    }

    Severity severityOf(LintRule rule, Finding finding) {
        Severity configured = severities.get(rule.id());
        if (configured != null) {
            return configured;
        }
        return finding.severity().orElse(rule.severity());
    }

    Severity severityOf(String metaRuleId, Severity fallback) {
        return severities.getOrDefault(metaRuleId, fallback);
    }

    boolean isKnownRule(String id) {
        return knownIds.contains(id);
    }

    boolean isIgnored(String ruleId) {
        return ignored.contains(ruleId);
    }

    boolean lockTimeoutConfigured() {
        return lockTimeoutConfigured;
    }

    boolean statementTimeoutConfigured() {
        return statementTimeoutConfigured;
    }

    boolean earlierMigrationsApplied() {
        return earlierMigrationsApplied;
    }

    /** Configures a {@link MigrationLinter}; {@link #build()} checks every option and reports all problems at once. */
    public static final class Builder {

        private int pgVersion = DEFAULT_PG_VERSION;
        private final List<LintRule> rules = new ArrayList<>(BuiltInRules.all());
        private final Set<String> ignored = new LinkedHashSet<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private boolean lockTimeoutConfigured;
        private boolean statementTimeoutConfigured;
        private boolean plainScriptsInTransaction;
        private boolean earlierMigrationsApplied;

        private Builder() {
        }

        /** The PostgreSQL major version the migrations will run on, {@value #MIN_PG_VERSION} to {@value #MAX_PG_VERSION}. */
        public Builder pgVersion(int majorVersion) {
            this.pgVersion = majorVersion;
            return this;
        }

        /** Adds a rule of your own to the built-in ones. */
        public Builder addRule(LintRule rule) {
            rules.add(rule);
            return this;
        }

        /** Rules not to run, by id; unknown ids are reported by {@link #build()}. */
        public Builder ignoreRules(Collection<String> ruleIds) {
            ignored.addAll(ruleIds);
            return this;
        }

        /** Overrides the severity of one rule's findings. */
        public Builder severity(String ruleId, Severity severity) {
            severities.put(ruleId, severity);
            return this;
        }

        /**
         * Whether {@code lock_timeout} is already set for every migration, by the tool's configuration or
         * the role ({@code ALTER ROLE … SET lock_timeout}); satisfies {@code require-lock-timeout}.
         */
        public Builder lockTimeoutConfigured(boolean configured) {
            this.lockTimeoutConfigured = configured;
            return this;
        }

        /** Whether {@code statement_timeout} is already set for every migration; satisfies {@code require-statement-timeout}. */
        public Builder statementTimeoutConfigured(boolean configured) {
            this.statementTimeoutConfigured = configured;
            return this;
        }

        /**
         * Whether plain SQL files (not Flyway or Liquibase migrations) are run inside one transaction each,
         * as {@code psql --single-transaction} or most migration tools do; default false.
         */
        public Builder plainScriptsInTransaction(boolean inTransaction) {
            this.plainScriptsInTransaction = inTransaction;
            return this;
        }

        /**
         * Whether each migration is judged as it runs once the earlier migrations of the run are in production:
         * a table created by an earlier migration counts as live, and only a table created earlier in the same
         * migration (file or changeset) as new. Default false: a table created by any earlier migration of the
         * run counts as new, which is right for a batch of pending migrations that will run together; true is
         * right for a project's whole migration history, where {@code V2} created {@code orders} long before
         * {@code V9} alters it.
         */
        public Builder earlierMigrationsApplied(boolean applied) {
            this.earlierMigrationsApplied = applied;
            return this;
        }

        /** Validates the options and builds the linter. */
        public MigrationLinter build() {
            List<String> errors = new ArrayList<>();
            if (pgVersion < MIN_PG_VERSION || pgVersion > MAX_PG_VERSION) {
                errors.add("PostgreSQL version " + pgVersion + " is not supported; use " + MIN_PG_VERSION + " to "
                        + MAX_PG_VERSION);
            }
            Set<String> ids = new LinkedHashSet<>(LintRun.META_RULE_IDS);
            for (LintRule rule : rules) {
                if (!ids.add(rule.id())) {
                    errors.add("two rules have the id '" + rule.id() + "'; rule ids must be unique");
                }
            }
            for (String id : ignored) {
                if (!ids.contains(id)) {
                    errors.add("cannot ignore unknown rule '" + id + "'; see docs/rules/ for the rule ids");
                }
            }
            for (String id : severities.keySet()) {
                if (!ids.contains(id)) {
                    errors.add("cannot set the severity of unknown rule '" + id + "'; see docs/rules/ for the rule ids");
                }
            }
            if (!errors.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "Invalid lint configuration: " + String.join("; ", errors));
            }
            List<LintRule> active = rules.stream().filter(rule -> !ignored.contains(rule.id())).toList();
            return new MigrationLinter(this, active, Set.copyOf(ids));
        }
    }
}
