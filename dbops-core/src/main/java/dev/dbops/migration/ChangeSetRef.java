package dev.dbops.migration;

import java.util.Objects;

/**
 * Identifies a Liquibase changeset the way Liquibase does in its {@code DATABASECHANGELOG} table.
 *
 * @param id the changeset's {@code id}
 * @param author the changeset's {@code author}
 * @param file the changelog path Liquibase records ({@code FILENAME}): its {@code logicalFilePath} when
 *     set, otherwise the path relative to the search root the changelog was read from
 */
public record ChangeSetRef(String id, String author, String file) {

    /** Checks that no component is null. */
    public ChangeSetRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(file, "file");
    }

    /** The identifier in Liquibase's own notation, {@code file::id::author}. */
    @Override
    public String toString() {
        return file + "::" + id + "::" + author;
    }
}
