package dev.dbops.schema;

import java.util.Objects;
import java.util.Optional;

/** An installed extension; the objects it owns are not reported separately. */
public record Extension(String name, String schema, String version, Optional<String> comment) {

    /** Creates an extension entry. */
    public Extension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(version, "version");
        Models.required(comment, "comment");
    }
}
