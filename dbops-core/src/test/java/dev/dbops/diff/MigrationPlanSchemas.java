package dev.dbops.diff;

import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.EnumType;
import dev.dbops.schema.Function;
import dev.dbops.schema.Grant;
import dev.dbops.schema.Index;
import dev.dbops.schema.Namespace;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import dev.dbops.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-built schema models for the planner's unit tests, written the way the inspector reports them. */
final class MigrationPlanSchemas {

    static final String OWNER = "app";

    private final List<Table> tables = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();

    static MigrationPlanSchemas schema() {
        return new MigrationPlanSchemas();
    }

    MigrationPlanSchemas tables(Table... added) {
        tables.addAll(List.of(added));
        return this;
    }

    MigrationPlanSchemas views(View... added) {
        views.addAll(List.of(added));
        return this;
    }

    MigrationPlanSchemas enums(EnumType... added) {
        enums.addAll(List.of(added));
        return this;
    }

    MigrationPlanSchemas functions(Function... added) {
        functions.addAll(List.of(added));
        return this;
    }

    Schema build() {
        Namespace pub = new Namespace("public", "pg_database_owner", Optional.empty(), List.of());
        return new Schema(List.of(pub), List.of(), enums, List.of(), List.of(), List.of(), List.of(), tables, views,
                functions, List.of());
    }

    static Column column(String name, String type) {
        return new Column(name, type, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), List.of());
    }

    static Column notNull(Column c) {
        return new Column(c.name(), c.type(), c.collation(), true, c.defaultValue(), c.identity(), c.generated(),
                c.inherited(), c.comment(), c.grants());
    }

    static Column withDefault(Column c, String expression) {
        return new Column(c.name(), c.type(), c.collation(), c.notNull(), Optional.of(expression), c.identity(),
                c.generated(), c.inherited(), c.comment(), c.grants());
    }

    static Column ofType(Column c, String type) {
        return new Column(c.name(), type, c.collation(), c.notNull(), c.defaultValue(), c.identity(), c.generated(),
                c.inherited(), c.comment(), c.grants());
    }

    /** The privileges a table's owner holds by default, as the inspector reads them. */
    static List<Grant> ownerGrants() {
        return List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER").stream()
                .map(p -> new Grant(OWNER, p, false)).toList();
    }

    static Table table(String name, List<Column> columns) {
        return table(name, columns, List.of(), List.of(), List.of());
    }

    static Table table(String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
            List<ObjectRef> dependsOn) {
        return new Table("public", name, false, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Table.ReplicaIdentity.DEFAULT, Optional.empty(), false, false, OWNER, Optional.empty(), ownerGrants(),
                columns, constraints, indexes, List.of(), List.of(), dependsOn);
    }

    static Table partitioned(Table t, String key) {
        return new Table(t.schema(), t.name(), t.unlogged(), Optional.of(key), t.partitionOf(), t.inherits(),
                t.options(), t.replicaIdentity(), t.replicaIdentityIndex(), t.rowSecurity(), t.forceRowSecurity(),
                t.owner(), t.comment(), t.grants(), t.columns(), t.constraints(), t.indexes(), t.triggers(),
                t.policies(), t.dependsOn());
    }

    static Table withGrants(Table t, List<Grant> grants) {
        return new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(), t.inherits(),
                t.options(), t.replicaIdentity(), t.replicaIdentityIndex(), t.rowSecurity(), t.forceRowSecurity(),
                t.owner(), t.comment(), grants, t.columns(), t.constraints(), t.indexes(), t.triggers(),
                t.policies(), t.dependsOn());
    }

    static Constraint constraint(String name, ConstraintType type, String definition) {
        return new Constraint(name, type, definition, true, false, false, Optional.empty(), Optional.empty());
    }

    static Constraint foreignKey(String name, String definition, String referencedTable) {
        return new Constraint(name, ConstraintType.FOREIGN_KEY, definition, true, false, false,
                Optional.of(ref(referencedTable)), Optional.empty());
    }

    static Index index(String name, String definition) {
        return new Index(name, definition, true, Optional.empty());
    }

    static ObjectRef ref(String table) {
        return new ObjectRef(ObjectKind.TABLE, "public", table);
    }

    static View view(String name, String definition, List<View.ViewColumn> columns, ObjectRef... dependsOn) {
        return new View("public", name, false, definition, List.of(), columns, List.of(), List.of(), OWNER,
                Optional.empty(), ownerGrants(), List.of(dependsOn));
    }

    static View.ViewColumn viewColumn(String name, String type) {
        return new View.ViewColumn(name, type, Optional.empty());
    }

    static EnumType enumType(String name, String... labels) {
        return new EnumType("public", name, List.of(labels), OWNER, Optional.empty());
    }

    static Function function(String name, String arguments, String result, String definition) {
        return new Function("public", name, arguments, false, Optional.of(result), definition, OWNER, Optional.empty(),
                List.of(new Grant(Grant.PUBLIC, "EXECUTE", false), new Grant(OWNER, "EXECUTE", false)), List.of());
    }
}
