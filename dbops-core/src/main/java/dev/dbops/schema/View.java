package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view or materialized view.
 *
 * @param definition the query as {@code pg_get_viewdef} renders it
 * @param options view options ({@code reloptions}), e.g. {@code security_barrier=true}, {@code check_option=local}
 * @param columns the output columns; their types change when a column they read changes type,
 *     even if the query text does not
 * @param indexes indexes of a materialized view
 * @param triggers triggers on a view ({@code INSTEAD OF}, or statement-level)
 * @param dependsOn tables, views, functions and types the query reads
 */
public record View(
        String schema,
        String name,
        boolean materialized,
        String definition,
        List<String> options,
        List<ViewColumn> columns,
        List<Index> indexes,
        List<Trigger> triggers,
        String owner,
        Optional<String> comment,
        List<Grant> grants,
        List<ObjectRef> dependsOn) {

    /** Creates a view entry; columns keep their position. */
    public View {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        options = Models.sorted(options);
        columns = List.copyOf(columns);
        indexes = Models.sorted(indexes, Index::name);
        triggers = Models.sorted(triggers, Trigger::name);
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        grants = Models.sorted(grants);
        dependsOn = Models.sorted(dependsOn);
    }

    /** Creates a view entry without triggers. */
    public View(String schema, String name, boolean materialized, String definition, List<String> options,
            List<ViewColumn> columns, List<Index> indexes, String owner, Optional<String> comment, List<Grant> grants,
            List<ObjectRef> dependsOn) {
        this(schema, name, materialized, definition, options, columns, indexes, List.of(), owner, comment, grants,
                dependsOn);
    }

    /** The kind of this view. */
    public ObjectKind kind() {
        return materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
    }

    /** A reference to this view. */
    public ObjectRef ref() {
        return new ObjectRef(kind(), schema, name);
    }

    /** An output column of a view. */
    public record ViewColumn(String name, String type, Optional<String> comment) {

        /** Creates a view column entry. */
        public ViewColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Models.required(comment, "comment");
        }
    }
}
