package dev.dbops.schema;

import dev.dbops.schema.CatalogRows.NamespaceRow;
import dev.dbops.schema.RelationRows.TableRow;
import dev.dbops.schema.RelationRows.ViewRow;
import dev.dbops.schema.IndexDefinitions.RelationName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the catalog of the database a connection is attached to, inside the inspector's read-only
 * snapshot, and hands the rows to {@link SchemaAssembly}. The inspector reads the namespaces when
 * it starts the transaction (every other query takes them as its parameter); the other queries are then
 * queued longest first on the {@link SnapshotLanes}, which may spread them over more connections
 * in the same snapshot; the queries with few rows go as one batch. Index and constraint definitions
 * are rendered once their columns are in.
 */
final class CatalogReader {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogReader.class);

    private final Connection connection;
    private final int serverVersion;
    private final Predicate<String> schemaFilter;
    private final SnapshotLanes lanes;
    private final Optional<String> snapshotId;

    /**
     * @param lanes where the reads run; {@link SnapshotLanes#primaryOnly()} for this connection alone
     * @param snapshotId the exported snapshot the extra lanes import, when there are any
     */
    CatalogReader(Connection connection, int serverVersion, Predicate<String> schemaFilter, SnapshotLanes lanes,
            Optional<String> snapshotId) {
        this.connection = connection;
        this.serverVersion = serverVersion;
        this.schemaFilter = schemaFilter;
        this.lanes = lanes;
        this.snapshotId = snapshotId;
    }

    /**
     * Reads everything but the namespaces, which the inspector read when it started the transaction.
     *
     * @param inspected the inspected namespaces, those the schema filter accepts
     */
    Schema read(CatalogRows.InspectedNamespaces inspected) throws SQLException {
        long started = System.nanoTime();
        Map<String, String> sql = CatalogQueries.forServer(serverVersion);
        List<NamespaceRow> namespaces = inspected.rows();
        String defaultsSql = inspected.all() ? sql.get("DEFAULTS") : CatalogQueries.DEFAULTS_IN_NAMESPACES;
        String oids = CatalogArrays.literal(namespaces.stream().map(NamespaceRow::oid).toList());

        // Longest first, so that the last read to finish is a short one; what the definitions need comes early.
        var columns = lanes.submit("COLUMNS", c -> RelationColumns.read(c, sql.get("COLUMNS"), oids));
        var defaults = lanes.submit("DEFAULTS", c -> RelationColumns.defaults(c, defaultsSql, oids));
        var views = lanes.submit("VIEWS", c -> RelationRows.views(c, sql.get("VIEWS"), oids));
        var indexes = lanes.submit("INDEXES", c -> IndexDefinitions.read(c, sql.get("INDEXES"), oids));
        var constraints = lanes.submit("CONSTRAINTS", c -> ConstraintDefinitions.read(c, sql.get("CONSTRAINTS"), oids));
        var tables = lanes.submit("TABLES", c -> RelationRows.tables(c, sql.get("TABLES"), oids));
        var small = lanes.submit("the small reads", c -> SmallReads.read(c, sql, oids, schemaFilter));
        var dependencies = lanes.submit("DEPENDENCIES",
                c -> CatalogRows.dependencies(c, sql.get("DEPENDENCIES")));
        var sequences = lanes.submit("SEQUENCES", c -> TypeRows.sequences(c, sql.get("SEQUENCES"), oids));
        var types = lanes.submit("TYPES", c -> TypeRows.types(c, sql.get("TYPES"), oids));
        var functions = lanes.submit("FUNCTIONS", c -> RelationRows.functions(c, sql.get("FUNCTIONS"), oids));
        snapshotId.ifPresent(lanes::start);
        lanes.drain(connection);
        // The definitions need only these; rendering them overlaps the reads the other lanes finish.
        lanes.await(List.of(columns, defaults, tables, views, indexes, constraints, small));
        long read = System.nanoTime();

        RelationColumns relationColumns = RelationColumns.of(done(columns), done(defaults));
        OidMap<RelationName> relationNames = new OidMap<>(done(tables).size() + done(views).views().size());
        for (TableRow row : done(tables)) {
            relationNames.put(row.oid(), new RelationName(row.schema(), row.name()));
        }
        for (ViewRow row : done(views).views()) {
            relationNames.put(row.oid(), new RelationName(row.schema(), row.name()));
        }
        SmallReads few = done(small);
        OidMap<String> indexDefinitions = new IndexDefinitions(relationNames, relationColumns, few.opClasses(),
                few.quoting()).render(connection, serverVersion, done(indexes));
        OidMap<ConstraintDefinitions.Rendered> constraintDefinitions = new ConstraintDefinitions(relationNames,
                relationColumns, few.quoting()).render(connection, done(constraints));
        lanes.runAll(connection);
        long rendered = System.nanoTime();
        CatalogRows.Dependencies dependencyRows = done(dependencies);
        Schema schema = SchemaAssembly.assemble(new SchemaAssembly.Rows(namespaces, few.extensions(),
                dependencyRows.extensionMembers(), types(done(types), done(views)), few.domainChecks(),
                done(sequences), done(tables), few.parents(), done(views).views(), done(functions), relationColumns,
                few.columnComments(), dependencyRows.rows(), done(constraints), constraintDefinitions, done(indexes), indexDefinitions,
                few.triggers(), few.policies(), few.defaultPrivileges()));
        LOG.debug("reads for the definitions {} ms, definitions and the other reads {} ms, assembly {} ms",
                (read - started) / 1_000_000, (rendered - read) / 1_000_000,
                (System.nanoTime() - rendered) / 1_000_000);
        return schema;
    }

    /**
     * What the queries with few rows read: sent as one {@link CatalogRows.Batch}, in one round trip.
     * Operator classes and quoting rules are needed to render definitions, so the batch is queued
     * early.
     */
    private record SmallReads(ServerQuoting quoting, OperatorClasses opClasses,
            OidMap<List<Domain.Check>> domainChecks, OidMap<List<Trigger>> triggers, OidMap<List<Policy>> policies,
            OidMap<List<ObjectRef>> parents, OidMap<Map<Integer, String>> columnComments, List<Extension> extensions,
            List<DefaultPrivilege> defaultPrivileges) {

        static SmallReads read(Connection connection, Map<String, String> sql, String namespaces,
                Predicate<String> schemaFilter) throws SQLException {
            CatalogRows.Batch batch = new CatalogRows.Batch();
            var quoting = batch.add(sql.get("QUOTING"), CatalogRows.quoting());
            var opClasses = batch.add(sql.get("OPERATOR_CLASSES"), OperatorClasses.reading());
            var domainChecks = batch.add(sql.get("DOMAIN_CHECKS"), TypeRows.domainChecks());
            var triggers = batch.add(sql.get("TRIGGERS"), RelationRows.triggers());
            var policies = batch.add(sql.get("POLICIES"), RelationRows.policies());
            var parents = batch.add(sql.get("PARENTS"), RelationRows.parents());
            var columnComments = batch.add(sql.get("COLUMN_COMMENTS"), CatalogRows.columnComments());
            var extensions = batch.add(sql.get("EXTENSIONS"), CatalogRows.extensions());
            var defaultPrivileges = batch.add(sql.get("DEFAULT_PRIVILEGES"), CatalogRows.defaultPrivileges(schemaFilter));
            batch.run(connection, namespaces);
            return new SmallReads(quoting.result(), opClasses.result(), domainChecks.result(), triggers.result(),
                    policies.result(), parents.result(), columnComments.result(), extensions.result(),
                    defaultPrivileges.result());
        }
    }

    /** The types of {@link CatalogQueries#TYPES} and the composite types of {@link CatalogQueries#VIEWS}. */
    private static List<TypeRows.TypeRow> types(List<TypeRows.TypeRow> types, RelationRows.ViewRows views) {
        if (views.composites().isEmpty()) {
            return types;
        }
        List<TypeRows.TypeRow> all = new ArrayList<>(types.size() + views.composites().size());
        all.addAll(types);
        all.addAll(views.composites());
        return all;
    }

    /** The value of a read that {@link SnapshotLanes#runAll} has seen complete. */
    private static <T> T done(CompletableFuture<T> read) {
        return read.join();
    }

    /**
     * A definition without the {@code NOT VALID} that {@code pg_get_constraintdef} appends;
     * validation is its own property.
     */
    static String withoutNotValid(String definition) {
        return definition.endsWith(" NOT VALID")
                ? definition.substring(0, definition.length() - " NOT VALID".length())
                : definition;
    }
}
