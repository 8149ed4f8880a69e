package dev.dbops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import dev.dbops.json.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaSnapshotTest {

    private static final ServerInfo SERVER = new ServerInfo(150019, "15.19");
    private static final String NASTY = "line one\nline \"two\"\ttab \\ backslash / slash \u0001 größe 表 😀 \r\n";
    private static final String REGENERATE = "regenerate it with `dbops inspect --url <jdbc-url> > snapshot.json`";

    @TempDir
    Path dir;

    @Test
    void roundTripsASchemaThatUsesEveryRecordAndComponentKind() {
        SchemaSnapshot snapshot = new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, SERVER, everything());

        SchemaSnapshot read = SchemaSnapshot.fromJson(snapshot.toJson());

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.schema().tables()).hasSize(4);
        assertThat(read.schema().table("public", "orders").orElseThrow().column("id").orElseThrow().identity())
                .contains(new Column.Identity(true, 1, 1, 1, Long.MAX_VALUE, 1, false));
    }

    @Test
    void writesByteIdenticalJsonEveryTimeAndAfterARoundTrip() {
        SchemaSnapshot snapshot = new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, SERVER, everything());

        String first = snapshot.toJson();

        assertThat(snapshot.toJson()).isEqualTo(first);
        assertThat(SchemaSnapshot.fromJson(first).toJson()).isEqualTo(first);
        assertThat(first).startsWith("{\n  \"formatVersion\": 1,\n  \"server\": {\n    \"versionNum\": 150019,\n"
                + "    \"version\": \"15.19\"\n  },\n  \"schema\": {\n").endsWith("}\n");
    }

    @Test
    void keepsNastyStringsIntact() {
        Table table = table("public", NASTY, List.of(column(NASTY, "text")));
        SchemaSnapshot snapshot = snapshot(new Schema(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(table), List.of(), List.of(), List.of()));

        SchemaSnapshot read = SchemaSnapshot.fromJson(snapshot.toJson());

        assertThat(read.schema().tables().get(0).name()).isEqualTo(NASTY);
        assertThat(read.schema().tables().get(0).columns().get(0).name()).isEqualTo(NASTY);
        assertThat(snapshot.toJson()).contains("größe 表 😀").contains("\\n").contains("\\\"two\\\"");
    }

    @Test
    void writesAndReadsFilesAsUtf8() throws IOException {
        SchemaSnapshot snapshot = new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, SERVER, everything());
        Path file = dir.resolve("schema.json");

        snapshot.write(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(snapshot.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(SchemaSnapshot.read(file)).isEqualTo(snapshot);
    }

    @Test
    void writesTheExampleShownInTheFormatDocumentation() throws IOException {
        String documented = documentedExample();

        SchemaSnapshot snapshot = new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, SERVER, documentedSchema());

        assertThat(snapshot.toJson()).isEqualTo(documented);
        assertThat(SchemaSnapshot.fromJson(documented)).isEqualTo(snapshot);
    }

    @Test
    void leavesOutEmptyOptionalsEmptyListsAndFalseBooleans() {
        Map<String, Object> table = node(tree(snapshot(documentedSchema())), "schema", "tables", 0);

        assertThat(table).containsOnlyKeys("schema", "name", "replicaIdentity", "owner", "comment", "grants", "columns",
                "constraints");
        assertThat(node(table, "columns", 0)).containsOnlyKeys("name", "type", "notNull", "identity");
        assertThat(node(table, "columns", 0, "identity"))
                .containsOnlyKeys("start", "increment", "minValue", "maxValue", "cache");
        assertThat(node(table, "columns", 1)).containsEntry("notNull", true).doesNotContainKey("inherited");
        assertThat(SchemaSnapshot.fromJson(Json.write(Map.of("formatVersion", 1L, "server",
                Map.of("versionNum", 150019L, "version", "15.19"), "schema", Map.of()))))
                .isEqualTo(snapshot(Schema.EMPTY));
    }

    @Test
    void readsMissingOptionalsListsAndBooleansAsEmptyAndFalseAndAcceptsThemSpeltOut() {
        String json = """
                {"formatVersion": 1, "server": {"versionNum": 120000, "version": "12.0"}, "schema": {
                  "tables": [{"schema": "public", "name": "t", "replicaIdentity": "DEFAULT", "owner": "o",
                    "unlogged": false, "grants": [],
                    "columns": [{"name": "c", "type": "text"}]}]}}
                """;

        Table table = SchemaSnapshot.fromJson(json).schema().tables().get(0);

        assertThat(table).isEqualTo(table("public", "t", List.of(column("c", "text"))));
        assertThat(table.columns().get(0).identity()).isEmpty();
        assertThat(table.unlogged()).isFalse();
    }

    @Test
    void restoresCanonicalOrderWhenReadingHandEditedFiles() {
        String json = """
                {"formatVersion": 1, "server": {"versionNum": 160004, "version": "16.4"}, "schema": {
                  "schemas": [{"name": "b", "owner": "o"}, {"name": "a", "owner": "o",
                    "grants": [{"grantee": "z", "privilege": "USAGE"}, {"grantee": "a", "privilege": "USAGE"}]}]}}
                """;

        SchemaSnapshot read = SchemaSnapshot.fromJson(json);

        assertThat(read.schema().schemas()).extracting(Namespace::name).containsExactly("a", "b");
        assertThat(read.schema().schemas().get(0).grants()).extracting(Grant::grantee).containsExactly("a", "z");
        assertThat(read.toJson()).isEqualTo(SchemaSnapshot.fromJson(read.toJson()).toJson());
    }

    @Test
    void neverWritesAnOid() {
        Object tree = Json.parse(snapshot(everything()).toJson());

        List<String> keys = new ArrayList<>();
        collectKeys(tree, keys);

        assertThat(keys).isNotEmpty().noneMatch(key -> key.toLowerCase(java.util.Locale.ROOT).endsWith("oid"));
    }

    @Test
    void rejectsCorruptedJsonNamingLineColumnAndHowToRegenerate() {
        assertInvalid(() -> SchemaSnapshot.fromJson("{\n  \"formatVersion\": 1,\n}\n"),
                "snapshot is not valid JSON: expected an object key after ',' but found '}' (trailing commas are not "
                        + "allowed) at line 3, column 1 — " + REGENERATE);
        assertThatThrownBy(() -> SchemaSnapshot.fromJson("[")).hasCauseInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void namesTheSourceAndTheFileToRegenerateForTextFromElsewhere() {
        assertInvalid(() -> SchemaSnapshot.fromJson("{\"formatVersion\": 2}", "the snapshot classpath:db/s.json",
                "src/main/resources/db/s.json"), "the snapshot classpath:db/s.json has formatVersion 2 but this dbops"
                + " reads formatVersion 1 — upgrade dbops or regenerate it with `dbops inspect --url <jdbc-url> >"
                + " src/main/resources/db/s.json`");
    }

    @Test
    void namesTheFileWhenAFileIsCorrupted() throws IOException {
        Path file = dir.resolve("prod.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1\n  \"server\": {}\n}\n");

        assertInvalid(() -> SchemaSnapshot.read(file), "snapshot file " + file + " is not valid JSON: expected ',' or '}'"
                + " after object member but found '\"' at line 3, column 3 — regenerate it with "
                + "`dbops inspect --url <jdbc-url> > " + file + "`");
    }

    @Test
    void rejectsAnotherFormatVersion() {
        assertInvalid(() -> SchemaSnapshot.fromJson(edit(root -> root.put("formatVersion", 2L))),
                "snapshot has formatVersion 2 but this dbops reads formatVersion 1 — upgrade dbops or " + REGENERATE);
    }

    @Test
    void rejectsAFormatVersionThatIsNotAnInteger() {
        assertInvalid(() -> SchemaSnapshot.fromJson(edit(root -> root.put("formatVersion", "1"))),
                "snapshot is invalid: formatVersion: expected an integer but found a string (\"1\") — " + REGENERATE);
    }

    @Test
    void rejectsJsonThatIsNotASnapshot() {
        assertInvalid(() -> SchemaSnapshot.fromJson("{\"name\": \"package\", \"version\": \"1.0\"}"),
                "snapshot is not a dbops schema snapshot: it has no formatVersion key (its keys are name, version) — "
                        + "pass a snapshot written by dbops, or " + REGENERATE);
        assertInvalid(() -> SchemaSnapshot.fromJson("{}"),
                "snapshot is not a dbops schema snapshot: it has no formatVersion key — pass a snapshot");
        assertInvalid(() -> SchemaSnapshot.fromJson("[1, 2]"),
                "snapshot is not a dbops schema snapshot: it is an array, not an object with formatVersion, server and "
                        + "schema — " + REGENERATE);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(edit(root -> column(root, 1).remove("type")),
                        "schema.tables[2].columns[1].type: missing (expected a string)"),
                Arguments.of(edit(root -> table(root).remove("replicaIdentity")),
                        "schema.tables[2].replicaIdentity: missing (expected one of DEFAULT, NOTHING, FULL, INDEX)"),
                Arguments.of(edit(root -> root.remove("server")), "server: missing (expected an object)"),
                Arguments.of(edit(root -> node(root, "server").remove("versionNum")),
                        "server.versionNum: missing (expected an integer)"),
                Arguments.of(edit(root -> column(root, 1).put("notNull", "yes")),
                        "schema.tables[2].columns[1].notNull: expected true or false but found a string (\"yes\")"),
                Arguments.of(edit(root -> table(root).put("replicaIdentity", "SOMETIMES")),
                        "schema.tables[2].replicaIdentity: expected one of DEFAULT, NOTHING, FULL, INDEX but found a "
                                + "string (\"SOMETIMES\")"),
                Arguments.of(edit(root -> node(root, "server").put("versionNum", 99999999999L)),
                        "server.versionNum: expected an integer from -2147483648 to 2147483647 but found a number "
                                + "(99999999999)"),
                Arguments.of(edit(root -> node(root, "server").put("versionNum", "150019")),
                        "server.versionNum: expected an integer but found a string (\"150019\")"),
                Arguments.of(edit(root -> sequence(root).put("start", new java.math.BigDecimal("1.5"))),
                        "schema.sequences[0].start: expected an integer but found a number (1.5)"),
                Arguments.of(edit(root -> sequence(root).put("maxValue", new java.math.BigDecimal("9223372036854775808"))),
                        "schema.sequences[0].maxValue: expected an integer from -9223372036854775808 to "
                                + "9223372036854775807 but found a number (9223372036854775808)"),
                Arguments.of(edit(root -> table(root).put("columns", Map.of())),
                        "schema.tables[2].columns: expected an array but found an object"),
                Arguments.of(edit(root -> table(root).put("comment", Json.NULL)),
                        "schema.tables[2].comment: expected a string but found null (leave the key out when there is "
                                + "no value)"),
                Arguments.of(edit(root -> table(root).put("partitionOf", List.of())),
                        "schema.tables[2].partitionOf: expected an object but found an array"),
                Arguments.of(edit(root -> node(root, "schema").put("tables", List.of("orders"))),
                        "schema.tables[0]: expected an object but found a string (\"orders\")"),
                Arguments.of(edit(root -> table(root).put("options", List.of("fillfactor=70", 70L))),
                        "schema.tables[2].options[1]: expected a string but found a number (70)"),
                Arguments.of(edit(root -> constraint(root).put("type", "primary_key")),
                        "schema.tables[2].constraints[0].type: expected one of PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, "
                                + "EXCLUDE but found a string (\"primary_key\")"),
                Arguments.of(edit(root -> column(root, 0).put("colation", "C")),
                        "schema.tables[2].columns[0].colation: unknown key; Column has the keys name, type, collation, "
                                + "notNull, defaultValue, identity, generated, inherited, comment, grants"),
                Arguments.of(edit(root -> root.put("checksum", "abc")),
                        "checksum: unknown key; SchemaSnapshot has the keys formatVersion, server, schema"),
                Arguments.of(edit(root -> node(root, "schema").put("table", List.of())),
                        "schema.table: unknown key; Schema has the keys schemas, extensions, enums, domains, "
                                + "compositeTypes, rangeTypes, sequences, tables, views, functions, defaultPrivileges"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidValues")
    void rejectsValuesThatDoNotFitTheModelNamingTheirPath(String json, String problem) {
        assertInvalid(() -> SchemaSnapshot.fromJson(json),
                "snapshot is invalid: " + problem + " — correct that value or " + REGENERATE);
    }

    @Test
    void reportsAMissingFileAsAnIoFailure() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> SchemaSnapshot.read(file))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILED))
                .hasMessage("cannot read snapshot file " + file + ": it does not exist — check the path, or create it "
                        + "with `dbops inspect --url <jdbc-url> > " + file + "`");
    }

    @Test
    void reportsAnUnreadableFileAsAnIoFailure() {
        assertThatThrownBy(() -> SchemaSnapshot.read(dir))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILED))
                .hasMessageStartingWith("cannot read snapshot file " + dir + ": ")
                .hasMessageEndingWith(" — check that it is a readable file");
    }

    @Test
    void reportsAFileThatIsNotUtf8AsAnInvalidSnapshot() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', (byte) 0xE4, '"', '}'});

        assertInvalid(() -> SchemaSnapshot.read(file), "snapshot file " + file + " is not UTF-8 text — snapshots are "
                + "written as UTF-8; regenerate it with `dbops inspect --url <jdbc-url> > " + file + "`");
    }

    @Test
    void reportsAnUnwritableFileAsAnIoFailure() {
        Path file = dir.resolve("no-such-dir").resolve("schema.json");

        assertThatThrownBy(() -> snapshot(Schema.EMPTY).write(file))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILED))
                .hasMessageStartingWith("cannot write snapshot file " + file + ": NoSuchFileException")
                .hasMessageEndingWith(" — check that its directory exists and is writable");
    }

    @Test
    void refusesToCreateASnapshotOfAnotherFormatVersion() {
        assertThatThrownBy(() -> new SchemaSnapshot(2, SERVER, Schema.EMPTY))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT))
                .hasMessage("a SchemaSnapshot was created with formatVersion 2 but this dbops reads and writes "
                        + "formatVersion 1 only — pass SchemaSnapshot.FORMAT_VERSION");
    }

    /** A schema that uses every model record, every enum constant and every kind of component. */
    static Schema everything() {
        Grant select = new Grant("app", "SELECT", false);
        Grant usage = new Grant(Grant.PUBLIC, "USAGE", true);
        ObjectRef ordersRef = new ObjectRef(ObjectKind.TABLE, "public", "orders");
        ObjectRef moodRef = new ObjectRef(ObjectKind.ENUM, "public", "mood");
        ObjectRef checkFunction = new ObjectRef(ObjectKind.FUNCTION, "public", "valid_email(text)");

        List<Namespace> schemas = List.of(
                new Namespace("public", "pg_database_owner", Optional.of("standard public schema"), List.of(usage, select)),
                new Namespace("audit", "auditor", Optional.empty(), List.of()));
        List<Extension> extensions = List.of(
                new Extension("pgcrypto", "public", "1.3", Optional.of("cryptographic functions")),
                new Extension("citext", "public", "1.6", Optional.empty()));
        List<EnumType> enums = List.of(
                new EnumType("public", "mood", List.of("sad", "ok", "happy", NASTY), "app", Optional.of(NASTY)),
                new EnumType("audit", "empty", List.of(), "auditor", Optional.empty()));
        List<Domain> domains = List.of(new Domain("public", "email", "character varying(255)", Optional.of("\"C\""),
                true, Optional.of("''::character varying"),
                List.of(new Domain.Check("email_has_at", "CHECK (VALUE ~ '^[^@]+@[^@]+$'::text)", true,
                                Optional.of("must contain \"@\"")),
                        new Domain.Check("email_short", "CHECK (length(VALUE) < 255)", false, Optional.empty())),
                "app", Optional.of("an e-mail address"), List.of(checkFunction)),
                new Domain("public", "positive", "integer", Optional.empty(), false, Optional.empty(), List.of(), "app",
                        Optional.empty(), List.of()));
        List<CompositeType> compositeTypes = List.of(new CompositeType("public", "address",
                List.of(new CompositeType.Attribute("street", "text", Optional.of("\"de-DE-x-icu\"")),
                        new CompositeType.Attribute("zip", "character varying(10)", Optional.empty()),
                        new CompositeType.Attribute("mood", "mood", Optional.empty())),
                "app", Optional.of("postal address"), List.of(moodRef)));
        List<RangeType> rangeTypes = List.of(
                new RangeType("public", "floatrange", "double precision", Optional.of("float8_ops"),
                        Optional.empty(), Optional.of("public.canon(floatrange)"), Optional.of("float8mi"),
                        Optional.of("floatmultirange"), "app", Optional.of("ranges of floats"), List.of()),
                new RangeType("public", "textrange", "text", Optional.empty(), Optional.of("\"C\""), Optional.empty(),
                        Optional.empty(), Optional.empty(), "app", Optional.empty(),
                        List.of(new ObjectRef(ObjectKind.EXTENSION, "", "citext"))));
        List<Sequence> sequences = List.of(
                new Sequence("public", "order_numbers", "bigint", 1000, 1, 1, Long.MAX_VALUE, 20, true,
                        Optional.of(new Sequence.ColumnRef("public", "orders", "number")), "app",
                        Optional.of("order numbers"), List.of(select, usage)),
                new Sequence("audit", "countdown", "integer", -1, -1, Long.MIN_VALUE, -1, 1, false, Optional.empty(),
                        "auditor", Optional.empty(), List.of()));

        Table orders = new Table("public", "orders", false, Optional.of("RANGE (placed_at)"), Optional.empty(),
                List.of(), List.of("fillfactor=70", "autovacuum_enabled=false"), Table.ReplicaIdentity.INDEX,
                Optional.of("orders_pkey"), true, true, "app", Optional.of(NASTY), List.of(select, usage),
                List.of(new Column("id", "bigint", Optional.empty(), true, Optional.empty(),
                                Optional.of(new Column.Identity(true, 1, 1, 1, Long.MAX_VALUE, 1, false)),
                                Optional.empty(), false, Optional.of("surrogate key"), List.of()),
                        new Column("number", "bigint", Optional.empty(), true,
                                Optional.of("nextval('order_numbers'::regclass)"), Optional.empty(), Optional.empty(),
                                false, Optional.empty(), List.of()),
                        new Column("note", "text", Optional.of("\"C\""), false, Optional.of("'größe 表 😀'::text"),
                                Optional.empty(), Optional.empty(), false, Optional.of(NASTY),
                                List.of(new Grant("support", "UPDATE", true))),
                        new Column("total", "numeric(12,2)", Optional.empty(), false, Optional.empty(),
                                Optional.empty(), Optional.of("(price * (quantity)::numeric)"), false, Optional.empty(),
                                List.of()),
                        new Column("placed_at", "timestamp with time zone", Optional.empty(), true,
                                Optional.of("now()"), Optional.empty(), Optional.empty(), false, Optional.empty(),
                                List.of()),
                        new Column("mood", "mood", Optional.empty(), false, Optional.empty(),
                                Optional.of(new Column.Identity(false, -5, -1, Long.MIN_VALUE, 0, 10, true)),
                                Optional.empty(), false, Optional.empty(), List.of())),
                List.of(new Constraint("orders_pkey", ConstraintType.PRIMARY_KEY, "PRIMARY KEY (id, placed_at)", true,
                                false, false, Optional.empty(), Optional.of("the key")),
                        new Constraint("orders_number_key", ConstraintType.UNIQUE,
                                "UNIQUE (number, placed_at) DEFERRABLE INITIALLY DEFERRED", true, true, true,
                                Optional.empty(), Optional.empty()),
                        new Constraint("orders_total_check", ConstraintType.CHECK, "CHECK ((total >= (0)::numeric))",
                                false, false, false, Optional.empty(), Optional.empty()),
                        new Constraint("orders_customer_fkey", ConstraintType.FOREIGN_KEY,
                                "FOREIGN KEY (customer_id) REFERENCES audit.customers(id) ON DELETE CASCADE", true,
                                false, false, Optional.of(new ObjectRef(ObjectKind.TABLE, "audit", "customers")),
                                Optional.empty()),
                        new Constraint("orders_no_overlap", ConstraintType.EXCLUDE,
                                "EXCLUDE USING gist (number WITH =)", true, false, false, Optional.empty(),
                                Optional.empty())),
                List.of(new Index("orders_note_idx", "CREATE INDEX orders_note_idx ON ONLY public.orders USING btree (note)",
                                true, Optional.of("for search")),
                        new Index("orders_broken_idx", "CREATE INDEX orders_broken_idx ON ONLY public.orders USING btree "
                                + "(total)", false, Optional.empty())),
                List.of(new Trigger("a_origin", "CREATE TRIGGER a_origin BEFORE INSERT ON public.orders FOR EACH ROW "
                                + "EXECUTE FUNCTION public.stamp()", Trigger.Enabled.ORIGIN, Optional.of("stamps")),
                        new Trigger("b_disabled", "CREATE TRIGGER b_disabled …", Trigger.Enabled.DISABLED,
                                Optional.empty()),
                        new Trigger("c_replica", "CREATE TRIGGER c_replica …", Trigger.Enabled.REPLICA, Optional.empty()),
                        new Trigger("d_always", "CREATE TRIGGER d_always …", Trigger.Enabled.ALWAYS, Optional.empty())),
                List.of(new Policy("own_rows", true, "ALL", List.of("app", "support"),
                                Optional.of("(owner = CURRENT_USER)"), Optional.of("(owner = CURRENT_USER)"),
                                Optional.of("row owners only")),
                        new Policy("no_deletes", false, "DELETE", List.of(), Optional.of("false"), Optional.empty(),
                                Optional.empty())),
                List.of(moodRef, new ObjectRef(ObjectKind.SEQUENCE, "public", "order_numbers")));
        Table partition = new Table("public", "orders_2024", false, Optional.empty(),
                Optional.of(new Table.Partition(ordersRef, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")),
                List.of(), List.of(), Table.ReplicaIdentity.DEFAULT, Optional.empty(), false, false, "app",
                Optional.empty(), List.of(),
                List.of(new Column("id", "bigint", Optional.empty(), true, Optional.empty(), Optional.empty(),
                        Optional.empty(), true, Optional.empty(), List.of())),
                List.of(), List.of(), List.of(), List.of(), List.of(ordersRef));
        Table child = new Table("audit", "special_orders", true, Optional.empty(), Optional.empty(),
                List.of(ordersRef, new ObjectRef(ObjectKind.TABLE, "audit", "a_parent")), List.of(),
                Table.ReplicaIdentity.FULL, Optional.empty(), true, false, "auditor", Optional.empty(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Table log = new Table("audit", "log", false, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Table.ReplicaIdentity.NOTHING, Optional.empty(), false, false, "auditor", Optional.empty(), List.of(),
                List.of(column("entry", "jsonb")), List.of(), List.of(), List.of(), List.of(), List.of());

        List<View> views = List.of(
                new View("public", "recent_orders", false, " SELECT orders.id\n   FROM public.orders\n  WHERE "
                        + "(orders.note <> 'x'::text);", List.of("security_barrier=true", "check_option=local"),
                        List.of(new View.ViewColumn("id", "bigint", Optional.of("the id")),
                                new View.ViewColumn("a_note", "text", Optional.empty())),
                        List.of(), "app", Optional.of("orders of the last day"), List.of(select),
                        List.of(ordersRef)),
                new View("public", "order_totals", true, " SELECT sum(orders.total) AS sum\n   FROM public.orders;",
                        List.of(), List.of(new View.ViewColumn("sum", "numeric", Optional.empty())),
                        List.of(new Index("order_totals_idx", "CREATE UNIQUE INDEX order_totals_idx ON "
                                + "public.order_totals USING btree (sum)", true, Optional.empty())),
                        "app", Optional.empty(), List.of(), List.of(ordersRef)));
        List<Function> functions = List.of(
                new Function("public", "valid_email", "address text", false, Optional.of("boolean"),
                        "CREATE OR REPLACE FUNCTION public.valid_email(address text)\n RETURNS boolean\n LANGUAGE sql\n"
                                + "AS $function$SELECT address ~ '^[^@]+@[^@]+$' AND address <> E'\\\\'$function$\n",
                        "app", Optional.of("checks an address"), List.of(new Grant("PUBLIC", "EXECUTE", false)),
                        List.of()),
                new Function("public", "archive", "", true, Optional.empty(),
                        "CREATE OR REPLACE PROCEDURE public.archive()\n LANGUAGE sql\nBEGIN ATOMIC\n DELETE FROM "
                                + "public.orders;\nEND\n", "app", Optional.empty(), List.of(),
                        List.of(ordersRef)));
        List<DefaultPrivilege> defaultPrivileges = List.of(
                new DefaultPrivilege("app", Optional.of("public"), "TABLES", List.of(select)),
                new DefaultPrivilege("app", Optional.empty(), "FUNCTIONS", List.of()));

        return new Schema(schemas, extensions, enums, domains, compositeTypes, rangeTypes, sequences,
                List.of(orders, partition, child, log), views, functions, defaultPrivileges);
    }

    /** A plain table with only the required components and these columns. */
    static Table table(String schema, String name, List<Column> columns) {
        return new Table(schema, name, false, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Table.ReplicaIdentity.DEFAULT, Optional.empty(), false, false, "o", Optional.empty(), List.of(),
                columns, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A nullable column with only the required components. */
    static Column column(String name, String type) {
        return new Column(name, type, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), List.of());
    }

    private static void assertInvalid(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT))
                .hasMessageStartingWith(messageStart);
    }

    private static SchemaSnapshot snapshot(Schema schema) {
        return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, SERVER, schema);
    }

    /** The schema of the example in docs/snapshot-format.md. */
    private static Schema documentedSchema() {
        Table orders = new Table("public", "orders", false, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Table.ReplicaIdentity.DEFAULT, Optional.empty(), false, false, "app", Optional.of("Customer orders"),
                List.of(new Grant("reporting", "SELECT", false)),
                List.of(new Column("id", "bigint", Optional.empty(), true, Optional.empty(),
                                Optional.of(new Column.Identity(false, 1, 1, 1, Long.MAX_VALUE, 1, false)),
                                Optional.empty(), false, Optional.empty(), List.of()),
                        new Column("placed_at", "timestamp with time zone", Optional.empty(), true,
                                Optional.of("now()"), Optional.empty(), Optional.empty(), false, Optional.empty(),
                                List.of())),
                List.of(new Constraint("orders_pkey", ConstraintType.PRIMARY_KEY, "PRIMARY KEY (id)", true, false,
                        false, Optional.empty(), Optional.empty())),
                List.of(), List.of(), List.of(), List.of());
        return new Schema(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(orders),
                List.of(), List.of(), List.of());
    }

    /** The JSON block of docs/snapshot-format.md that is marked as the example. */
    private static String documentedExample() throws IOException {
        Path doc = Path.of("..", "docs", "snapshot-format.md");
        Matcher example = Pattern.compile("<!-- example: checked by SchemaSnapshotTest -->\\s*```json\\n(.*?)```",
                Pattern.DOTALL).matcher(Files.readString(doc));
        assertThat(example.find()).as("the checked example in " + doc).isTrue();
        return example.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(SchemaSnapshot snapshot) {
        return (Map<String, Object>) Json.parse(snapshot.toJson());
    }

    /** The valid snapshot of the fixture schema, edited and written as JSON. */
    private static String edit(Consumer<Map<String, Object>> change) {
        Map<String, Object> root = tree(snapshot(everything()));
        change.accept(root);
        return Json.write(root);
    }

    private static Map<String, Object> table(Map<String, Object> root) {
        return node(root, "schema", "tables", 2);
    }

    private static Map<String, Object> column(Map<String, Object> root, int index) {
        return node(root, "schema", "tables", 2, "columns", index);
    }

    private static Map<String, Object> constraint(Map<String, Object> root) {
        return node(root, "schema", "tables", 2, "constraints", 0);
    }

    private static Map<String, Object> sequence(Map<String, Object> root) {
        return node(root, "schema", "sequences", 0);
    }

    /** The object at a path of keys and list positions. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Object tree, Object... path) {
        Object current = tree;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(step);
        }
        return (Map<String, Object>) current;
    }

    private static void collectKeys(Object tree, List<String> keys) {
        if (tree instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                keys.add((String) key);
                collectKeys(value, keys);
            });
        } else if (tree instanceof List<?> list) {
            list.forEach(element -> collectKeys(element, keys));
        }
    }
}
