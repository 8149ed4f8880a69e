package dev.dbops.lint;

import dev.dbops.lint.rules.LockCatalogue;
import dev.dbops.sql.SourcePosition;
import dev.dbops.sql.SqlDiagnostic;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.StatementParser;
import dev.dbops.sql.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One lint run over an ordered list of scripts: parses, tracks transactions and settings, runs the rules. */
final class LintRun {

    static final String UNUSED_SUPPRESSION = "unused-suppression";
    static final String INVALID_SUPPRESSION = "invalid-suppression";
    static final Set<String> META_RULE_IDS = Set.of(UNUSED_SUPPRESSION, INVALID_SUPPRESSION);

    private final MigrationLinter linter;
    private final List<MigrationScript> units;
    private final List<LintRule> rules;
    private final LintHistory history;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<StatementContext, Entry> entryByContext = new IdentityHashMap<>();
    private final Map<UnitState, List<Entry>> entriesByUnit = new IdentityHashMap<>();
    private final List<StatementContext> contexts = new ArrayList<>();

    LintRun(MigrationLinter linter, List<MigrationScript> units) {
        this(linter, units, linter.rules());
    }

    private LintRun(MigrationLinter linter, List<MigrationScript> units, List<LintRule> rules) {
        this.linter = linter;
        this.units = units;
        this.rules = rules;
        this.history = new LintHistory(linter.earlierMigrationsApplied());
    }

    /**
     * What the lock catalogue declares for each top-level statement of {@code units}, in run order (the
     * statements of a {@code DO} block count for the block): the scripts are walked as a lint run walks
     * them, without running the rules.
     */
    static List<DeclaredEffects> declare(MigrationLinter linter, List<MigrationScript> units) {
        LintRun run = new LintRun(linter, units, List.of());
        run.run(List.of());
        List<StatementContext> all = List.copyOf(run.contexts);
        List<LockCatalogue.Effects> effects = LockCatalogue.of(all);
        Map<StatementContext, LockCatalogue.Effects> byContext = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byContext.put(all.get(i), effects.get(i));
        }
        List<DeclaredEffects> declared = new ArrayList<>(run.entries.size());
        for (Entry entry : run.entries) {
            List<DeclaredLock> locks = new ArrayList<>();
            List<DeclaredWork> work = new ArrayList<>();
            for (StatementContext context : entry.contexts) {
                locks.addAll(byContext.get(context).locks());
                work.addAll(byContext.get(context).work());
            }
            // A DO block whose body dbops could not follow (EXECUTE of a string…) declares only part of what it does.
            boolean inspected = entry.inspected && entry.contexts.stream().noneMatch(context ->
                    context.statement() instanceof Statement.DoBlock block && !block.fullyInspected());
            declared.add(new DeclaredEffects(entry.location, entry.text, inspected, locks, work));
        }
        return List.copyOf(declared);
    }

    LintReport run(List<InputProblem> givenProblems) {
        List<InputProblem> problems = new ArrayList<>(givenProblems);
        List<UnitState> states = new ArrayList<>();
        for (MigrationScript unit : units) {
            SqlScript script = SqlScript.parse(unit.sql());
            for (SqlDiagnostic diagnostic : script.diagnostics()) {
                problems.add(new InputProblem(unit.file(), fileLine(unit, diagnostic.position()), diagnostic.message()));
            }
            UnitState state = new UnitState(unit, script, Suppressions.of(script));
            states.add(state);
            lintUnit(state);
        }
        List<StatementContext> allContexts = List.copyOf(contexts);
        for (LintRule rule : rules) {
            for (StatementFinding finding : rule.afterAll(allContexts)) {
                Entry entry = entryOf(finding.statement());
                entry.report(rule, finding.finding(), finding.statement());
            }
        }
        for (UnitState state : states) {
            reportSuppressionProblems(state);
        }
        List<LintedStatement> statements = new ArrayList<>();
        for (Entry entry : entries) {
            statements.add(entry.toLinted());
        }
        return new LintReport(linter.pgVersion(), statements, problems);
    }

    private void lintUnit(UnitState state) {
        MigrationScript unit = state.unit;
        int migrationStart = history.size();
        TransactionTracker tracker = new TransactionTracker(unit.transactional(), migrationStart);
        List<SqlStatement> statements = state.script.statements();
        for (int index = 0; index < statements.size(); index++) {
            SqlStatement source = statements.get(index);
            Statement statement = parse(source);
            Entry entry = new Entry(state, index, location(unit, source), source.text(),
                    !(statement instanceof Statement.Unparsed));
            entries.add(entry);
            entriesByUnit.computeIfAbsent(state, s -> new ArrayList<>()).add(entry);
            checkStatement(statement, source, entry, tracker, migrationStart, state);
            if (statement instanceof Statement.DoBlock block) {
                for (Statement inner : block.statements()) {
                    checkStatement(inner, inner.source(), entry, tracker, migrationStart, state);
                }
            }
        }
        history.endMigration();
    }

    private void checkStatement(Statement statement, SqlStatement source, Entry entry, TransactionTracker tracker,
            int migrationStart, UnitState state) {
        int sequence = history.add(statement);
        tracker.before(statement, sequence);
        StatementContext context = new StatementContext(statement, location(state.unit, source), linter.pgVersion(),
                state.unit.transactional(), tracker.inTransaction(),
                linter.lockTimeoutConfigured() || tracker.lockTimeoutSet(),
                linter.statementTimeoutConfigured() || tracker.statementTimeoutSet(), history, sequence,
                tracker.transactionStart(), migrationStart);
        contexts.add(context);
        entry.contexts.add(context);
        entryByContext.put(context, entry);
        for (LintRule rule : rules) {
            for (Finding finding : rule.check(context)) {
                entry.report(rule, finding, context);
            }
        }
        tracker.after(statement, sequence, history);
    }

    private static Statement parse(SqlStatement source) {
        try {
            return StatementParser.parse(source);
        } catch (RuntimeException parserDefect) {
            return new Statement.Unparsed(source, "the parser failed on this statement (" + parserDefect
                    + "); please report it");
        }
    }

    private Entry entryOf(StatementContext context) {
        Entry entry = entryByContext.get(context);
        if (entry == null) {
            throw new IllegalArgumentException("a rule reported a statement that is not part of this run");
        }
        return entry;
    }

    private void reportSuppressionProblems(UnitState state) {
        List<Entry> unitEntries = entriesByUnit.getOrDefault(state, List.of());
        for (Suppressions.Suppression suppression : state.suppressions.all()) {
            Entry target = unitEntries.isEmpty() ? null
                    : unitEntries.get(Math.max(0, Math.min(suppression.statement, unitEntries.size() - 1)));
            SourceLocation at = commentLocation(state.unit, suppression.comment);
            for (String id : suppression.ruleIds) {
                if (!linter.isKnownRule(id)) {
                    addMeta(target, state, at, INVALID_SUPPRESSION, Severity.ERROR,
                            "dbops:ignore names unknown rule '" + id + "'",
                            "Use a rule id from docs/rules/, e.g. require-concurrent-index-creation.");
                } else if (!suppression.used.contains(id) && !linter.isIgnored(id)) {
                    addMeta(target, state, at, UNUSED_SUPPRESSION, Severity.WARNING,
                            "dbops:ignore " + id + " suppresses nothing" + (suppression.fileWide() ? " in this file"
                                    : " on the statement it precedes"),
                            "Remove the suppression, or move it next to the statement it is meant for.");
                }
            }
            if (suppression.ruleIds.isEmpty() || suppression.reason.isBlank()) {
                addMeta(target, state, at, INVALID_SUPPRESSION, Severity.ERROR,
                        "dbops:ignore needs rule ids and a reason",
                        "Write: -- dbops:ignore <rule-id>[,<rule-id>] <why this is safe here>");
            }
        }
    }

    private void addMeta(Entry target, UnitState state, SourceLocation at, String id, Severity severity,
            String message, String help) {
        if (linter.isIgnored(id)) {
            return;
        }
        Entry entry = target;
        if (entry == null) {
            entry = new Entry(state, -1, at, "", true);
            entries.add(entry);
        }
        entry.violations.add(new Violation(id, linter.severityOf(id, severity), message, help, at, entry.text,
                dev.dbops.LockMode.NONE, TableImpact.NONE, Optional.empty()));
    }

    private static SourceLocation location(MigrationScript unit, SqlStatement source) {
        if (!unit.verbatim()) {
            return new SourceLocation(unit.file(), unit.firstLine(), 1, unit.firstLine(), 1, unit.changeSet());
        }
        return new SourceLocation(unit.file(), fileLine(unit, source.start()), source.start().column(),
                fileLine(unit, source.end()), source.end().column(), unit.changeSet());
    }

    private static SourceLocation commentLocation(MigrationScript unit, Token comment) {
        int line = unit.verbatim() ? comment.line() + unit.firstLine() - 1 : unit.firstLine();
        return new SourceLocation(unit.file(), line, comment.column(), line, comment.column() + comment.text().length(),
                unit.changeSet());
    }

    private static int fileLine(MigrationScript unit, SourcePosition position) {
        return unit.verbatim() ? position.line() + unit.firstLine() - 1 : unit.firstLine();
    }

    private static final class UnitState {
        final MigrationScript unit;
        final SqlScript script;
        final Suppressions suppressions;

        UnitState(MigrationScript unit, SqlScript script, Suppressions suppressions) {
            this.unit = unit;
            this.script = script;
            this.suppressions = suppressions;
        }
    }

    /** One top-level statement of a script and what was found there, including inside a DO block. */
    private final class Entry {
        final UnitState state;
        final int index;
        final SourceLocation location;
        final String text;
        final boolean inspected;
        final List<StatementContext> contexts = new ArrayList<>(1);
        final List<Violation> violations = new ArrayList<>();

        Entry(UnitState state, int index, SourceLocation location, String text, boolean inspected) {
            this.state = state;
            this.index = index;
            this.location = location;
            this.text = text;
            this.inspected = inspected;
        }

        void report(LintRule rule, Finding finding, StatementContext context) {
            if (state.suppressions.suppresses(rule.id(), index)) {
                return;
            }
            String help = rule.title() + " See " + rule.docPath() + ".";
            violations.add(new Violation(rule.id(), linter.severityOf(rule, finding), finding.message(), help,
                    context.location(), context.statement().source().text(), finding.lock(), finding.impact(),
                    finding.fix()));
        }

        LintedStatement toLinted() {
            return new LintedStatement(location, text, inspected, violations);
        }
    }
}
