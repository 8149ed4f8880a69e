package dev.dbops.cli;

import dev.dbops.diff.Difference;
import dev.dbops.diff.MigrationPlan;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.json.Json;
import dev.dbops.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbops diff FROM TO}: the differences between two schemas, or the DDL from one to the other. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compares two schemas. FROM and TO are each a database URL (jdbc:postgresql://… or "
                    + "postgresql://…) or a snapshot file written by 'dbops inspect'.",
            "Exit code: 0 no differences, 1 differences, 2 error."
        })
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The schema as it is: a URL or a snapshot file.")
    private String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The schema as it should be: a URL or a snapshot file.")
    private String to;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sql",
            description = "text (one line per difference, the default), json, or sql (DDL that turns FROM into TO).")
    private Format format;

    @Option(names = "--ignore-owners", description = "Do not compare object owners.")
    private boolean ignoreOwners;

    @Option(names = "--ignore-grants", description = "Do not compare privileges.")
    private boolean ignoreGrants;

    @Option(names = "--ignore-comments", description = "Do not compare comments.")
    private boolean ignoreComments;

    @Option(names = "--ignore-schema", paramLabel = "NAME", description = "Leave this schema out (repeatable).")
    private List<String> ignoreSchemas = new ArrayList<>();

    @Option(names = "--ignore-object", paramLabel = "SCHEMA.NAME",
            description = "Leave objects matching this pattern out; * is a wildcard (repeatable).")
    private List<String> ignoreObjects = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    private Path output;

    @Mixin
    private InspectOptions inspectOptions;

    enum Format { text, json, sql }

    @Override
    public Integer call() {
        SchemaDiff.Builder builder = SchemaDiff.builder()
                .ignoreSchemas(ignoreSchemas.toArray(String[]::new))
                .ignoreObjects(ignoreObjects.toArray(String[]::new));
        if (ignoreOwners) {
            builder.ignoreOwners();
        }
        if (ignoreGrants) {
            builder.ignoreGrants();
        }
        if (ignoreComments) {
            builder.ignoreComments();
        }
        SchemaDiff diff = builder.build();
        Schema before = SchemaSource.load("FROM", from, inspectOptions.inspector());
        Schema after = SchemaSource.load("TO", to, inspectOptions.inspector());
        List<Difference> differences = diff.compare(before, after);
        String text = switch (format) {
            case text -> text(differences);
            case json -> json(differences);
            case sql -> diff.plan(before, after).toSql();
        };
        Output.write(spec, output, text);
        return differences.isEmpty() ? Dbops.OK : Dbops.FINDINGS;
    }

    private static String text(List<Difference> differences) {
        StringBuilder out = new StringBuilder();
        for (Difference difference : differences) {
            out.append(difference.describe()).append('\n');
        }
        out.append(differences.isEmpty() ? "no differences" : differences.size() + " difference"
                + (differences.size() == 1 ? "" : "s"));
        return out.toString();
    }

    private static String json(List<Difference> differences) {
        List<Object> items = new ArrayList<>();
        for (Difference difference : differences) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", difference.kind().name());
            item.put("object", difference.object());
            item.put("change", difference.change().name());
            List<Object> fields = new ArrayList<>();
            for (Difference.FieldChange field : difference.fields()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("field", field.field());
                f.put("from", field.from());
                f.put("to", field.to());
                fields.add(f);
            }
            item.put("fields", fields);
            items.add(item);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("formatVersion", 1);
        document.put("differences", items);
        return Json.writePretty(document);
    }
}
