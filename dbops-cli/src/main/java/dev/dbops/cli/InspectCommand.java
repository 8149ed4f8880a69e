package dev.dbops.cli;

import dev.dbops.diff.MigrationPlan;
import dev.dbops.schema.Namespace;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbops inspect}: prints a database's schema as snapshot JSON or as DDL. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a database's schema in one read-only snapshot and prints it as snapshot JSON "
                    + "(commit it next to your migrations) or as the DDL that creates it.",
            "Nothing is written to the database."
        })
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The database: jdbc:postgresql://host:port/db?user=…&password=…, "
                    + "postgresql://user:pass@host:port/db, or embedded[:major] for a throwaway local "
                    + "PostgreSQL (use with --init).")
    private String url;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|sql",
            description = "json (snapshot, the default) or sql (DDL that creates the schema on a new database, where the public schema exists).")
    private Format format;

    @Option(names = "--init", paramLabel = "FILE",
            description = "With --url embedded: SQL files to run on the fresh database before inspecting.")
    private List<Path> initScripts = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    private Path output;

    @Mixin
    private InspectOptions inspectOptions;

    enum Format { json, sql }

    /**
     * What a new database already has: the {@code public} schema. The DDL is planned from there, so
     * that it runs on a fresh database (it only adjusts {@code public} if its owner, grants or
     * comment differ from the inspected one's).
     */
    private static Schema newDatabase(Schema target) {
        List<Namespace> existing = target.schemas().stream().filter(n -> n.name().equals("public")).toList();
        return new Schema(existing, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    @Override
    public Integer call() {
        SchemaSnapshot snapshot = SchemaSource.inspect(url, initScripts, inspectOptions.inspector());
        String text = format == Format.json
                ? snapshot.toJson()
                : MigrationPlan.between(newDatabase(snapshot.schema()), snapshot.schema()).toSql();
        Output.write(spec, output, text);
        return Dbops.OK;
    }
}
