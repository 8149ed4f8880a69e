package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ALTER TABLE p ATTACH PARTITION c …} takes, since PostgreSQL 12, only SHARE UPDATE EXCLUSIVE on
 * {@code p}, but ACCESS EXCLUSIVE on {@code c} (and on p's DEFAULT partition), and scans {@code c} under that
 * lock unless a valid {@code CHECK} constraint on {@code c} proves the bound. Reported when {@code c} existed
 * before the linted migrations and no such constraint was added and validated earlier in them.
 *
 * <p>dbops cannot prove implication as PostgreSQL does; it accepts a validated CHECK on {@code c} that names
 * every constant of the bound and, for range and list bounds, says {@code IS NOT NULL} (or follows a
 * {@code SET NOT NULL} on {@code c}): without that PostgreSQL cannot prove a range or list bound on a
 * nullable key and scans anyway. Reports from {@link #afterAll}, which sees every migration of the run.
 */
final class AttachPartitionScan extends AbstractRule {

    AttachPartitionScan() {
        super("attach-partition-scan", Severity.ERROR,
                "ATTACH PARTITION scans the attached table under ACCESS EXCLUSIVE unless a valid CHECK constraint"
                        + " already proves the partition bound.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementContext context = statements.get(i);
            if (!(context.statement() instanceof Statement.AlterTable alter)) {
                continue;
            }
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AttachPartition attach
                        && context.isLiveTable(attach.partition())) {
                    List<StatementContext> earlier = statements.subList(0, i);
                    checkAttach(alter, attach, earlier)
                            .ifPresent(finding -> findings.add(new StatementFinding(context, finding)));
                }
            }
        }
        return findings;
    }

    private static Optional<Finding> checkAttach(Statement.AlterTable alter, AlterTableAction.AttachPartition attach,
            List<StatementContext> earlier) {
        Evidence evidence = Evidence.collect(attach.partition(), earlier);
        Optional<PartitionBound> bound = PartitionBound.parse(boundText(attach));
        Optional<String> key = keyColumn(alter.table(), earlier);
        String hint = "";
        if (!evidence.validChecks.isEmpty()) {
            if (bound.isEmpty()) {
                return Optional.empty();
            }
            List<Expression> naming = evidence.validChecks.stream()
                    .filter(check -> constants(check).containsAll(bound.get().constants())).toList();
            boolean needsNotNull = bound.get().kind() == PartitionBound.Kind.RANGE
                    || bound.get().kind() == PartitionBound.Kind.LIST;
            boolean notNull = !needsNotNull || evidence.notNullSet
                    || naming.stream().anyMatch(check -> ClauseReader.hasIsNotNull(check.tokens()));
            if (!naming.isEmpty() && notNull) {
                return Optional.empty();
            }
            hint = naming.isEmpty()
                    ? " — the validated CHECK constraints on " + attach.partition().display()
                            + " do not name the bound's values, so they cannot prove it"
                    : " — the validated CHECK constraint on " + attach.partition().display() + " names the bound's"
                            + " values but not " + key.map(k -> k + " IS NOT NULL").orElse("IS NOT NULL on the key")
                            + ", so PostgreSQL cannot prove the bound unless the key column is declared NOT NULL";
        }
        return Optional.of(finding(alter, attach, bound, key, hint));
    }

    private static Finding finding(Statement.AlterTable alter, AlterTableAction.AttachPartition attach,
            Optional<PartitionBound> bound, Optional<String> key, String hint) {
        String parent = alter.table().display();
        String partition = attach.partition().display();
        String message = "ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " scans all of " + partition
                + " to check the partition bound while holding " + MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE)
                + " on " + partition + " (and on the DEFAULT partition of " + parent + ", if any, which is scanned"
                + " too); on " + parent + " itself it takes only SHARE UPDATE EXCLUSIVE (reads and writes go on)" + hint;
        String constraint = MaintenanceWording.identifier(attach.partition().name() + "_bound");
        String keySql = key.orElse("partition_key");
        String condition = bound.flatMap(b -> b.checkCondition(keySql))
                .orElse("<condition equivalent to " + boundText(attach) + ">");
        String fix = "-- prove the bound with a validated CHECK first, so that ATTACH skips the scan:\n"
                + (key.isPresent() || !condition.contains("partition_key") ? ""
                        : "-- (partition_key: the partition key column of " + parent + ")\n")
                + "ALTER TABLE " + partition + " ADD CONSTRAINT " + constraint + " CHECK (" + condition
                + ") NOT VALID;\n"
                + "-- in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans):\n"
                + "ALTER TABLE " + partition + " VALIDATE CONSTRAINT " + constraint + ";\n"
                + "-- then attach, without a scan, and drop the helper constraint:\n"
                + "ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " " + boundText(attach) + ";\n"
                + "ALTER TABLE " + partition + " DROP CONSTRAINT " + constraint + ";\n"
                + "-- a DEFAULT partition of " + parent + " is scanned too unless a validated CHECK on it excludes these"
                + " values; and indexes of " + parent + " that " + partition + " lacks are built under the lock:"
                + " create them first with CREATE INDEX CONCURRENTLY";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix);
    }

    private static String boundText(AlterTableAction.AttachPartition attach) {
        String bound = attach.bound().strip();
        String lower = bound.toLowerCase(Locale.ROOT);
        return lower.startsWith("for") || lower.startsWith("default") ? bound : "FOR VALUES " + bound;
    }

    private static List<String> constants(Expression expression) {
        List<String> constants = new ArrayList<>();
        for (Token token : expression.tokens()) {
            if (token.kind() == TokenKind.STRING || token.kind() == TokenKind.NUMBER) {
                constants.add(token.value());
            }
        }
        return constants;
    }

    private static Optional<String> keyColumn(QualifiedName parent, List<StatementContext> earlier) {
        for (StatementContext context : earlier) {
            if (context.statement() instanceof Statement.CreateTable create && create.table().sameObjectAs(parent)
                    && create.partitionBy().isPresent()) {
                return PartitionBound.singleKeyColumn(create.partitionBy().get());
            }
        }
        return Optional.empty();
    }

    /** What earlier statements did to the table being attached: validated CHECK constraints, SET NOT NULL. */
    private static final class Evidence {
        final List<Expression> validChecks = new ArrayList<>();
        boolean notNullSet;

        static Evidence collect(QualifiedName partition, List<StatementContext> earlier) {
            Evidence evidence = new Evidence();
            Map<String, Expression> valid = new LinkedHashMap<>();
            Map<String, Expression> notValid = new LinkedHashMap<>();
            int unnamed = 0;
            for (StatementContext context : earlier) {
                if (!(context.statement() instanceof Statement.AlterTable alter)
                        || !alter.table().sameObjectAs(partition)) {
                    continue;
                }
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddConstraint add
                            && add.constraint().kind() == TableConstraint.Kind.CHECK
                            && add.constraint().expression().isPresent()) {
                        String name = add.constraint().name().orElse("\u0000" + unnamed++);
                        (add.constraint().notValid() ? notValid : valid).put(name, add.constraint().expression().get());
                    } else if (action instanceof AlterTableAction.ValidateConstraint validate
                            && notValid.containsKey(validate.name())) {
                        valid.put(validate.name(), notValid.remove(validate.name()));
                    } else if (action instanceof AlterTableAction.DropConstraint drop) {
                        valid.remove(drop.name());
                        notValid.remove(drop.name());
                    } else if (action instanceof AlterTableAction.SetNotNull) {
                        evidence.notNullSet = true;
                    }
                }
            }
            evidence.validChecks.addAll(valid.values());
            return evidence;
        }
    }
}
