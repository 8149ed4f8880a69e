package dev.dbops.cli;

import dev.dbops.schema.SchemaInspector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose what the inspector reads, shared by every command that inspects. */
final class InspectOptions {

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Read only this schema (repeatable; default: all but pg_* and information_schema).")
    private List<String> includeSchemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", description = "Skip this schema (repeatable).")
    private List<String> excludeSchemas = new ArrayList<>();

    @Option(names = "--statement-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "statement_timeout of each catalog query, in seconds (default ${DEFAULT-VALUE}).")
    private long statementTimeoutSeconds;

    SchemaInspector inspector() {
        return SchemaInspector.builder()
                .includeSchemas(includeSchemas.toArray(String[]::new))
                .excludeSchemas(excludeSchemas.toArray(String[]::new))
                .statementTimeout(Duration.ofSeconds(statementTimeoutSeconds))
                .build();
    }
}
