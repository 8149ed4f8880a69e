package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.diff.MigrationPlan;
import dev.dbops.diff.PlannedStatement;
import dev.dbops.migration.FlywayVersion;
import dev.dbops.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the migration that brings files and database back together, from a {@link DriftReport}.
 *
 * <p>{@link Direction#FILES_TO_LIVE} (the default of {@code dbops drift}) makes the files authoritative
 * again: a new migration that, run after the existing files, reproduces the live schema — Flyway's
 * {@code V<next>__reconcile_drift.sql} or a Liquibase formatted-SQL changelog — with every statement's
 * hazards labelled and, in its header, how to record it as applied on the databases that already have
 * the live schema. {@link Direction#LIVE_TO_FILES} is the other way round: a script that makes the live
 * database match the files, for a person to review and run; dbops never applies it.
 *
 * <pre>{@code
 * ReconciliationScript script = Reconciliation.of(report, Reconciliation.Direction.FILES_TO_LIVE);
 * if (!script.isEmpty()) {
 *     script.write(Path.of("src/main/resources/db/migration"));   // V8__reconcile_drift.sql
 * }
 * }</pre>
 */
public final class Reconciliation {

    /** Which side is brought to the other. */
    public enum Direction {
        /** A new migration after the files that reproduces the live schema: the files become authoritative again. */
        FILES_TO_LIVE,
        /** A script to run by hand on the live database so that it matches the files. */
        LIVE_TO_FILES
    }

    private Reconciliation() {
    }

    /**
     * Plans the reconciliation between the schemas the report compared.
     *
     * @throws DbopsException with {@link ErrorCode#RECONCILIATION_IMPOSSIBLE} when the report has no expected
     *     schema (the replay failed and no snapshot was given)
     */
    public static ReconciliationScript of(DriftReport report, Direction direction) {
        SchemaDriftReport schema = report.schema();
        Schema expected = schema.expectedSchema().orElseThrow(() -> new DbopsException(
                ErrorCode.RECONCILIATION_IMPOSSIBLE, "cannot write a reconciliation: "
                + schema.replayFailure().map(ReplayFailure::describe).orElse("there is no expected schema")
                + " — fix that migration first, or compare with a snapshot (--snapshot FILE)"));
        if (direction == Direction.LIVE_TO_FILES) {
            MigrationPlan plan = MigrationPlan.between(schema.liveSchema(), expected);
            String header = header(List.of("reconcile_drift_live_to_files.sql, written by dbops drift: the DDL that makes"
                    + " the live database match the migration files (" + schema.expectedFrom() + ").",
                    "This is NOT a migration: do not add it to the migration files. Review every statement (each one's"
                    + " hazards are labelled), then run it by hand on the live database, in a quiet period;"
                    + " statements marked \"not transactional\" must run outside a transaction block."));
            return new ReconciliationScript(direction, MigrationTool.NONE, "reconcile_drift_live_to_files.sql",
                    header + plan.toSql(), Optional.empty(), plan);
        }
        MigrationPlan plan = MigrationPlan.between(expected, schema.liveSchema());
        MigrationFiles files = report.files();
        MigrationTool format = report.history().tool() != MigrationTool.NONE ? report.history().tool() : files.tool();
        return switch (format) {
            case FLYWAY -> flyway(plan, files, schema.expectedFrom());
            case LIQUIBASE -> liquibase(plan, files);
            case NONE -> new ReconciliationScript(direction, MigrationTool.NONE, "reconcile_drift.sql",
                    header(List.of("reconcile_drift.sql, written by dbops drift: run after the other migration files, it"
                            + " reproduces the schema of the live database.", "The live database already has this"
                            + " schema: do not run it there. Everywhere else, run it after the other files.")) + plan.toSql(),
                    Optional.empty(), plan);
        };
    }

    private static ReconciliationScript flyway(MigrationPlan plan, MigrationFiles files, String expectedFrom) {
        String version = files.latestVersion().flatMap(FlywayVersion::parse).map(v -> v.next().toString()).orElse("1");
        String name = "V" + version + "__reconcile_drift.sql";
        String header = header(List.of(name + ", written by dbops drift: run after the migrations before it, it reproduces"
                + " the schema of the live database, so that the files describe that database again (they differed from"
                + " it: " + expectedFrom + ").",
                "The live database already has this schema. Do not run these statements there: record the migration"
                        + " as applied with",
                "  flyway -skipExecutingMigrations=true -target=" + version + " migrate",
                "when no other migration is pending there (pending ones would be recorded as applied too). Do the same"
                        + " on every other database that already has the live schema; everywhere else (a new database,"
                        + " CI) Flyway runs it like any other migration.",
                "Review every statement before committing this file: each one's hazards are labelled."
                        + (plan.transactional() ? "" : " Some statements cannot run in a transaction, so "
                        + name + ".conf runs the script without one.")));
        return new ReconciliationScript(Direction.FILES_TO_LIVE, MigrationTool.FLYWAY, name, header + plan.toSql(),
                plan.transactional() ? Optional.empty() : Optional.of("executeInTransaction=false\n"), plan);
    }

    private static ReconciliationScript liquibase(MigrationPlan plan, MigrationFiles files) {
        String id = "reconcile-drift-" + (files.count() + 1);
        StringBuilder sql = new StringBuilder("--liquibase formatted sql\n\n");
        sql.append(header(List.of(id + ".sql, written by dbops drift: include it after the last changeset of your"
                + " changelog; it reproduces the schema of the live database, so that the changelog describes that"
                + " database again.",
                "The live database already has this schema. Do not run these changesets there: record them as run with",
                "  liquibase changelog-sync --label-filter=" + id,
                "and do the same on every other database that already has the live schema; everywhere else Liquibase"
                        + " runs them like any other changeset. Review every statement: each one's hazards are labelled.")));
        int part = 0;
        List<PlannedStatement> batch = new ArrayList<>();
        for (PlannedStatement statement : plan.statements()) {
            if (!statement.transactional()) {
                part = changeSet(sql, id, part, batch, true);
                batch.add(statement);
                part = changeSet(sql, id, part, batch, false);
            } else {
                batch.add(statement);
            }
        }
        changeSet(sql, id, part, batch, true);
        return new ReconciliationScript(Direction.FILES_TO_LIVE, MigrationTool.LIQUIBASE, id + ".sql", sql.toString(),
                Optional.empty(), plan);
    }

    /** Writes the batch as one changeset (statements sent as one, in a transaction or not) and empties it. */
    private static int changeSet(StringBuilder sql, String id, int part, List<PlannedStatement> batch,
            boolean transactional) {
        if (batch.isEmpty()) {
            return part;
        }
        int next = part + 1;
        sql.append("\n--changeset dbops:").append(id).append('-').append(next).append(" labels:").append(id)
                .append(" splitStatements:false").append(transactional ? "" : " runInTransaction:false").append('\n');
        MigrationPlan chunk = new MigrationPlan(batch);
        String text = chunk.toSql();
        sql.append(text, text.indexOf('\n') + 1, text.length());
        batch.clear();
        return next;
    }

    private static String header(List<String> lines) {
        StringBuilder header = new StringBuilder();
        for (String line : lines) {
            header.append("-- ").append(line).append('\n');
        }
        return header.append("--\n").toString();
    }
}
