package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An enum type with its labels in sort order. */
public record EnumType(String schema, String name, List<String> labels, String owner, Optional<String> comment) {

    /** Creates an enum entry; labels keep their declared order. */
    public EnumType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
    }
}
