package dev.dbops.trace;

import java.util.Objects;

/**
 * A relation whose storage a statement replaced: its {@code relfilenode} changed (the table or index was
 * rewritten into a new file, or emptied by {@code TRUNCATE}), or an index of the same name was rebuilt
 * under a new oid ({@code REINDEX CONCURRENTLY}).
 *
 * @param relation the relation, qualified
 * @param kind what kind of relation it is
 * @param change what happened to its storage
 * @param fromFilenode the {@code relfilenode} before the statement
 * @param toFilenode the {@code relfilenode} after it
 */
public record RelationRewrite(String relation, LockedObject kind, Change change, long fromFilenode,
        long toFilenode) {

    /** What happened to a relation's storage. */
    public enum Change {
        /** Same relation, new file with the rows copied: a rewrite (or a rebuild, for an index). */
        REWRITTEN,
        /** Same relation, new empty file: {@code TRUNCATE}. */
        EMPTIED,
        /** The relation was replaced by a new one of the same name, as {@code REINDEX CONCURRENTLY} does. */
        REPLACED
    }

    /** Validates the parts. */
    public RelationRewrite {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(change, "change");
    }
}
