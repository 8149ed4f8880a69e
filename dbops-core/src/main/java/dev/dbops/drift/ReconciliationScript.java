package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.diff.MigrationPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reconciliation written by {@link Reconciliation}: the file's name and text, the Flyway script
 * configuration it needs (when some statement cannot run in a transaction), and the plan it holds.
 *
 * @param direction which side is brought to the other
 * @param format the migration tool the file is written for ({@link MigrationTool#NONE}: a plain script)
 * @param fileName the name to give the file: {@code V8__reconcile_drift.sql}
 * @param sql the file's text: a header with instructions, then the hazard-labelled statements
 * @param config the text of {@code <fileName>.conf} ({@code executeInTransaction=false}) when a Flyway
 *     file holds statements that cannot run in a transaction
 * @param plan the statements, with their hazards and locks
 */
public record ReconciliationScript(Reconciliation.Direction direction, MigrationTool format, String fileName,
        String sql, Optional<String> config, MigrationPlan plan) {

    /** Checks that no component is null. */
    public ReconciliationScript {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(plan, "plan");
    }

    /** Whether there is nothing to reconcile: the files and the live database already agree. */
    public boolean isEmpty() {
        return plan.isEmpty();
    }

    /**
     * Writes the file (and its {@code .conf}, when it has one): into {@code target} under
     * {@link #fileName()} when {@code target} is a directory, else to {@code target} itself.
     *
     * @return the files written
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when a file cannot be written
     */
    public List<Path> write(Path target) {
        Path file = Files.isDirectory(target) ? target.resolve(fileName) : target;
        List<Path> written = new ArrayList<>();
        try {
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            written.add(file);
            if (config.isPresent()) {
                Path conf = file.resolveSibling(file.getFileName() + ".conf");
                Files.writeString(conf, config.get(), StandardCharsets.UTF_8);
                written.add(conf);
            }
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot write the reconciliation " + file + ": "
                    + e.getMessage() + " — check that the directory exists and is writable", e);
        }
        return written;
    }
}
