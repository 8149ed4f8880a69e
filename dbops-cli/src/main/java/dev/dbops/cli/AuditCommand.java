package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.audit.AuditReport;
import dev.dbops.audit.AuditSeverity;
import dev.dbops.audit.AuditThresholds;
import dev.dbops.audit.CheckOutcome;
import dev.dbops.audit.DatabaseAudit;
import dev.dbops.audit.QueryStatsSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbops audit --url U}: operational checks of a live database, with evidence and remediation SQL. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audits a database for what degrades it: missing, unused, duplicate, invalid and bloated indexes; tables"
                    + " without keys, bloat, stale statistics, vacuum debt, exhausted sequences; wraparound; long and"
                    + " idle-in-transaction sessions, xmin horizon holders, connection use; replication lag, idle"
                    + " slots, failing archiving; slow and regressed statements, cache hit ratio.",
            "Every query is read-only, with statement_timeout and lock_timeout. Checks and thresholds:"
                    + " docs/audit.md.",
            "Exit code: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error or a check"
                    + " that could not run (the others are still reported)."
        })
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The database: jdbc:postgresql://host:port/db?user=…&password=…,"
                    + " postgresql://user:pass@host:port/db, or embedded[:major] for a throwaway local PostgreSQL"
                    + " (use with --init).")
    private String url;

    @Option(names = "--only", split = ",", paramLabel = "CHECK",
            description = "Run only these checks or categories (indexes, tables, wraparound, sessions, replication,"
                    + " queries); comma-separated or repeated.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "CHECK", description = "Do not run these checks or categories.")
    private List<String> skip = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (the default) or json (docs/audit.md#json-format).")
    private Format format;

    @Option(names = "--fail-on", defaultValue = "warning", paramLabel = "critical|warning|info|never",
            description = "Exit with 1 when a finding is at least this severe (default ${DEFAULT-VALUE}).")
    private FailOn failOn;

    @Option(names = "--threshold", paramLabel = "KEY=VALUE",
            description = "Change a threshold, e.g. --threshold long-query-warning=30s --threshold"
                    + " unused-index-min-size=10MB (keys and defaults: docs/audit.md#thresholds).")
    private Map<String, String> thresholds = new LinkedHashMap<>();

    @Option(names = "--include-schema", paramLabel = "SCHEMA", description = "Audit only objects in these schemas.")
    private List<String> includeSchemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "SCHEMA", description = "Leave out objects in these schemas.")
    private List<String> excludeSchemas = new ArrayList<>();

    @Option(names = "--query-baseline", paramLabel = "FILE",
            description = "A pg_stat_statements sample saved earlier with --save-query-sample: statements slower"
                    + " since then are reported (query-regression).")
    private Path queryBaseline;

    @Option(names = "--save-query-sample", paramLabel = "FILE",
            description = "Also save the current pg_stat_statements counters to FILE, as a later --query-baseline.")
    private Path saveQuerySample;

    @Option(names = "--init", paramLabel = "FILE",
            description = "With --url embedded: SQL files to run on the fresh database before auditing it.")
    private List<Path> initScripts = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    private Path output;

    enum Format { text, json }

    enum FailOn {
        critical(Optional.of(AuditSeverity.CRITICAL)), warning(Optional.of(AuditSeverity.WARNING)),
        info(Optional.of(AuditSeverity.INFO)), never(Optional.empty());

        final Optional<AuditSeverity> threshold;

        FailOn(Optional<AuditSeverity> threshold) {
            this.threshold = threshold;
        }
    }

    @Override
    public Integer call() {
        AuditThresholds.Builder limits = AuditThresholds.builder();
        thresholds.forEach(limits::set);
        DatabaseAudit.Builder builder = DatabaseAudit.builder()
                .only(only.toArray(String[]::new))
                .skip(skip.toArray(String[]::new))
                .thresholds(limits.build())
                .includeSchemas(includeSchemas.toArray(String[]::new))
                .excludeSchemas(excludeSchemas.toArray(String[]::new));
        if (queryBaseline != null) {
            builder.queryBaseline(QueryStatsSample.fromJson(read(queryBaseline)));
        }
        DatabaseAudit audit = builder.build();
        AuditReport report;
        try (DatabaseTarget target = DatabaseTarget.open(url, initScripts)) {
            report = audit.run(target.connection());
            if (saveQuerySample != null) {
                Output.write(spec, saveQuerySample, audit.captureQueryStats(target.connection()).toJson());
            }
        }
        Output.write(spec, output, format == Format.json ? report.toJson() : report.toText());
        if (!report.failedChecks().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (CheckOutcome failed : report.failedChecks()) {
                err.println("dbops audit: check " + failed.check().id() + " could not run: " + failed.detail());
            }
            err.println("dbops audit: " + report.failedChecks().size() + " check(s) could not run; the others were"
                    + " reported — fix the cause above or leave them out with --skip");
            err.flush();
            return Dbops.ERROR;
        }
        return failOn.threshold.map(report::hasFindingsAtLeast).orElse(false) ? Dbops.FINDINGS : Dbops.OK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot read " + file + ": " + e.getMessage()
                    + " — check the path", e);
        }
    }
}
