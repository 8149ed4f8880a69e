package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table (ordinary or partitioned) with everything declared on it.
 *
 * @param unlogged whether the table is {@code UNLOGGED}
 * @param partitionKey for a partitioned table, the key as {@code pg_get_partkeydef} renders it,
 *     e.g. {@code RANGE (created_at)}
 * @param partitionOf for a partition, its parent and bound
 * @param inherits the parents of a table that uses {@code INHERITS}, in declared order
 * @param options storage parameters ({@code reloptions}), e.g. {@code fillfactor=70}
 * @param replicaIdentity the replica identity; {@code replicaIdentityIndex} names the index for
 *     {@link ReplicaIdentity#INDEX}
 * @param dependsOn objects the table needs to exist first (types of its columns, functions in its
 *     defaults and checks, sequences it reads)
 */
public record Table(
        String schema,
        String name,
        boolean unlogged,
        Optional<String> partitionKey,
        Optional<Partition> partitionOf,
        List<ObjectRef> inherits,
        List<String> options,
        ReplicaIdentity replicaIdentity,
        Optional<String> replicaIdentityIndex,
        boolean rowSecurity,
        boolean forceRowSecurity,
        String owner,
        Optional<String> comment,
        List<Grant> grants,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        List<Trigger> triggers,
        List<Policy> policies,
        List<ObjectRef> dependsOn) {

    /** Creates a table entry; columns keep their position, other lists are sorted by name. */
    public Table {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Models.required(partitionKey, "partitionKey");
        Models.required(partitionOf, "partitionOf");
        inherits = List.copyOf(inherits);
        options = Models.sorted(options);
        Objects.requireNonNull(replicaIdentity, "replicaIdentity");
        Models.required(replicaIdentityIndex, "replicaIdentityIndex");
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        grants = Models.sorted(grants);
        columns = List.copyOf(columns);
        constraints = Constraint.canonical(constraints);
        indexes = Models.sorted(indexes, Index::name);
        triggers = Models.sorted(triggers, Trigger::name);
        policies = Models.sorted(policies, Policy::name);
        dependsOn = Models.sorted(dependsOn);
    }

    /** The column with this name, if the table has one. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** A reference to this table. */
    public ObjectRef ref() {
        return new ObjectRef(ObjectKind.TABLE, schema, name);
    }

    /**
     * The place of a partition in its partitioned table.
     *
     * @param bound as {@code pg_get_expr(relpartbound)} renders it, e.g. {@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}
     */
    public record Partition(ObjectRef parent, String bound) {

        /** Creates a partition entry. */
        public Partition {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(bound, "bound");
        }
    }

    /** Which old row values are written to WAL for logical replication. */
    public enum ReplicaIdentity {
        DEFAULT,
        NOTHING,
        FULL,
        INDEX
    }
}
