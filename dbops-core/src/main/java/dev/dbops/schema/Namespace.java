package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL schema (a {@code pg_namespace} entry); named {@code Namespace} so that {@link Schema}
 * can stand for the whole database's structure.
 */
public record Namespace(String name, String owner, Optional<String> comment, List<Grant> grants) {

    /** Creates a schema entry; lists are copied into canonical order. */
    public Namespace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        grants = Models.sorted(grants);
    }
}
