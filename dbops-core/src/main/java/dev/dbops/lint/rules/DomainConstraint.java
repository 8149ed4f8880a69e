package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ALTER DOMAIN … ADD CONSTRAINT} without {@code NOT VALID}, {@code SET NOT NULL} and
 * {@code VALIDATE CONSTRAINT} check every stored value of every column of the domain, holding SHARE (writes
 * blocked) on each table that has one until the transaction commits. Unlike {@code ALTER TABLE … VALIDATE
 * CONSTRAINT}, a domain's {@code VALIDATE CONSTRAINT} also takes SHARE on PostgreSQL 12–18 (the lower SHARE
 * UPDATE EXCLUSIVE came after 18), so it is reported too. {@code CREATE DOMAIN … CHECK} is harmless (no
 * column uses the domain yet) and so is {@code ADD … NOT VALID}. A domain created earlier in the linted
 * migrations is exempt unless a table that existed before them got a column of it. Reports from
 * {@link #afterAll}, which sees every migration of the run.
 */
final class DomainConstraint extends AbstractRule {

    DomainConstraint() {
        super("domain-constraint", Severity.ERROR,
                "ALTER DOMAIN ADD CONSTRAINT, SET NOT NULL and VALIDATE CONSTRAINT scan every column of the domain"
                        + " while blocking writes to its tables.");
    }

    /** A column of some table declared with a type, seen in the linted migrations. */
    private record ColumnUse(QualifiedName table, String column, TypeName type, boolean liveTable) {
    }

    /** A CHECK constraint added to a domain in the linted migrations. */
    private record DomainCheck(QualifiedName domain, String name, Expression check) {
    }

    /** A column to give its own CHECK constraint, as SQL. */
    private record Target(String table, String column, String constraint) {
    }

    /** What a reported ALTER DOMAIN does. */
    private enum Change {
        ADD_CHECK, ADD_NOT_NULL, SET_NOT_NULL, VALIDATE
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        List<QualifiedName> createdDomains = new ArrayList<>();
        List<ColumnUse> uses = new ArrayList<>();
        List<DomainCheck> checks = new ArrayList<>();
        for (StatementContext context : statements) {
            Statement statement = context.statement();
            if (statement instanceof Statement.CreateDomain create) {
                createdDomains.add(create.domain());
            } else if (statement instanceof Statement.CreateTable create) {
                for (ColumnDefinition column : create.columns()) {
                    uses.add(new ColumnUse(create.table(), column.name(), column.type(), false));
                }
            } else if (statement instanceof Statement.AlterTable alter) {
                recordUses(context, alter, uses);
            } else if (statement instanceof Statement.AlterDomain alter) {
                Optional<String> name = constraintName(alter);
                if (alter.change().startsWith("ADD") && alter.check().isPresent() && name.isPresent()) {
                    checks.add(new DomainCheck(alter.domain(), name.get(), alter.check().get()));
                }
                Optional<Change> change = reportedChange(alter);
                List<ColumnUse> columns = uses.stream().filter(use -> isOfDomain(use.type(), alter.domain())).toList();
                boolean newDomain = createdDomains.stream().anyMatch(domain -> domain.sameObjectAs(alter.domain()));
                if (change.isPresent() && (!newDomain || columns.stream().anyMatch(ColumnUse::liveTable))) {
                    Optional<Expression> condition = change.get() == Change.VALIDATE
                            ? name.flatMap(n -> checkNamed(checks, alter.domain(), n)) : alter.check();
                    findings.add(new StatementFinding(context,
                            finding(context, alter, change.get(), name, condition, columns)));
                }
            }
        }
        return findings;
    }

    private static void recordUses(StatementContext context, Statement.AlterTable alter, List<ColumnUse> uses) {
        boolean live = context.isLiveTable(alter.table());
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddColumn add) {
                uses.add(new ColumnUse(alter.table(), add.column().name(), add.column().type(), live));
            } else if (action instanceof AlterTableAction.AlterColumnType type) {
                uses.add(new ColumnUse(alter.table(), type.column(), type.type(), live));
            }
        }
    }

    private static Optional<Change> reportedChange(Statement.AlterDomain alter) {
        String change = alter.change().toUpperCase(Locale.ROOT);
        if (change.startsWith("ADD")) {
            if (alter.check().isPresent()) {
                return alter.notValid() ? Optional.empty() : Optional.of(Change.ADD_CHECK);
            }
            return Optional.of(Change.ADD_NOT_NULL);
        }
        if (change.startsWith("SET NOT NULL")) {
            return Optional.of(Change.SET_NOT_NULL);
        }
        if (change.startsWith("VALIDATE")) {
            return Optional.of(Change.VALIDATE);
        }
        return Optional.empty();
    }

    private static boolean isOfDomain(TypeName type, QualifiedName domain) {
        if (type.isArray() || !type.name().equals(domain.name())) {
            return false;
        }
        return type.schema().isEmpty() || domain.schema().isEmpty() || type.schema().equals(domain.schema());
    }

    private static Optional<String> constraintName(Statement.AlterDomain alter) {
        List<Token> tokens = alter.source().tokens();
        int constraint = ClauseReader.indexOfWord(tokens, 3, "constraint");
        return ClauseReader.nameAt(tokens, constraint < 0 ? -1 : constraint + 1).map(at -> at.name().name());
    }

    private static Optional<Expression> checkNamed(List<DomainCheck> checks, QualifiedName domain, String name) {
        return checks.stream().filter(c -> c.domain().sameObjectAs(domain) && c.name().equals(name))
                .map(DomainCheck::check).reduce((first, second) -> second);
    }

    private static Finding finding(StatementContext context, Statement.AlterDomain alter, Change change,
            Optional<String> name, Optional<Expression> condition, List<ColumnUse> columns) {
        String domain = alter.domain().display();
        String constraint = name.map(n -> " CONSTRAINT " + MaintenanceWording.identifier(n)).orElse("");
        String what;
        if (change == Change.ADD_CHECK) {
            what = "ALTER DOMAIN " + domain + " ADD" + constraint + " CHECK without NOT VALID checks";
        } else if (change == Change.ADD_NOT_NULL) {
            what = "ALTER DOMAIN " + domain + " ADD" + constraint + " NOT NULL checks";
        } else if (change == Change.SET_NOT_NULL) {
            what = "ALTER DOMAIN " + domain + " SET NOT NULL checks";
        } else {
            what = "ALTER DOMAIN " + domain + " VALIDATE" + constraint + " checks";
        }
        String seen = columns.isEmpty() ? "" : " (in the migrations: " + columns.stream()
                .map(use -> use.table().display() + "." + MaintenanceWording.identifier(use.column()))
                .distinct().collect(Collectors.joining(", ")) + ")";
        String message = what + " every stored value of every column of type " + domain + seen + ", holding "
                + MaintenanceWording.lock(LockMode.SHARE) + " on each table with such a column until the transaction"
                + " commits" + (change == Change.VALIDATE ? "; PostgreSQL " + context.pgVersion() + " validates a domain"
                        + " constraint under SHARE, not the SHARE UPDATE EXCLUSIVE of ALTER TABLE … VALIDATE" : "");
        return Finding.of(message, LockMode.SHARE, TableImpact.SCAN, fix(context, alter, change, name, condition,
                columns));
    }

    private static String fix(StatementContext context, Statement.AlterDomain alter, Change change,
            Optional<String> name, Optional<Expression> condition, List<ColumnUse> columns) {
        String domain = alter.domain().display();
        boolean notNull = change == Change.ADD_NOT_NULL || change == Change.SET_NOT_NULL;
        StringBuilder fix = new StringBuilder("-- a CHECK constraint on each column of the domain does the same without"
                + " blocking writes (ALTER TABLE … VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE):\n");
        List<Target> targets = columns.stream().filter(ColumnUse::liveTable)
                .map(use -> new Target(use.table().display(), MaintenanceWording.identifier(use.column()),
                        MaintenanceWording.identifier(use.table().name() + "_" + use.column() + "_check")))
                .distinct().toList();
        if (targets.isEmpty()) {
            fix.append("-- for each column of type ").append(domain).append(", listed by\n-- ")
                    .append(MaintenanceWording.columnsOfType(alter.domain())).append('\n');
            targets = List.of(new Target("<table>", "<column>", "<table>_<column>_check"));
        }
        for (Target target : targets) {
            String check = notNull ? target.column() + " IS NOT NULL"
                    : condition.map(c -> withColumn(c, target.column()))
                            .orElse("<the domain's condition, with " + target.column() + " for VALUE>");
            fix.append("ALTER TABLE ").append(target.table()).append(" ADD CONSTRAINT ").append(target.constraint())
                    .append(" CHECK (").append(check).append(") NOT VALID;\n")
                    .append("ALTER TABLE ").append(target.table()).append(" VALIDATE CONSTRAINT ")
                    .append(target.constraint()).append(";  -- in a later migration\n");
        }
        String constraint = name.map(n -> "CONSTRAINT " + MaintenanceWording.identifier(n) + " ").orElse("");
        if (change == Change.ADD_CHECK) {
            fix.append("-- or keep the domain constraint but add it without a scan (new values are checked at once):\n")
                    .append("ALTER DOMAIN ").append(domain).append(" ADD ").append(constraint).append("CHECK (")
                    .append(condition.map(Expression::text).orElse("VALUE …")).append(") NOT VALID;\n");
        } else if (notNull) {
            fix.append("-- or keep it on the domain as a CHECK added without a scan (new values are checked at once):\n")
                    .append("ALTER DOMAIN ").append(domain).append(" ADD CONSTRAINT ")
                    .append(MaintenanceWording.identifier(alter.domain().name() + "_not_null"))
                    .append(" CHECK (VALUE IS NOT NULL) NOT VALID;\n");
        }
        fix.append("-- a domain's VALIDATE CONSTRAINT blocks writes while it scans on PostgreSQL ")
                .append(context.pgVersion()).append(": run it in a quiet period, after SET lock_timeout = '2s';");
        return fix.toString();
    }

    /** The domain condition with {@code column} in place of {@code VALUE}, keeping the rest as written. */
    private static String withColumn(Expression condition, String column) {
        String text = condition.text();
        List<Token> tokens = condition.tokens();
        if (tokens.isEmpty()) {
            return text;
        }
        int firstAt = text.indexOf(tokens.get(0).text());
        if (firstAt < 0) {
            return text.replaceAll("(?i)\\bvalue\\b", column);
        }
        int base = tokens.get(0).start() - firstAt;
        StringBuilder out = new StringBuilder();
        int position = 0;
        for (Token token : tokens) {
            int at = token.start() - base;
            if (at < position || !text.startsWith(token.text(), at)) {
                return text.replaceAll("(?i)\\bvalue\\b", column);
            }
            if (token.is("value")) {
                out.append(text, position, at).append(column);
                position = at + token.text().length();
            }
        }
        return out.append(text.substring(position)).toString();
    }
}
