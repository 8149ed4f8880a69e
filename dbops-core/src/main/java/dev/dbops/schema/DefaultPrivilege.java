package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Privileges granted by {@code ALTER DEFAULT PRIVILEGES} to objects a role creates later.
 *
 * @param role the role whose future objects get these privileges
 * @param schema the schema it is limited to; empty for all schemas
 * @param objectType {@code TABLES}, {@code SEQUENCES}, {@code FUNCTIONS}, {@code TYPES} or {@code SCHEMAS}
 * @param grants the privileges, as the ACL records them (including the creator's own)
 */
public record DefaultPrivilege(String role, Optional<String> schema, String objectType, List<Grant> grants) {

    /** Creates a default-privileges entry. */
    public DefaultPrivilege {
        Objects.requireNonNull(role, "role");
        Models.required(schema, "schema");
        Objects.requireNonNull(objectType, "objectType");
        grants = Models.sorted(grants);
    }

    /** The key that identifies this entry: role, schema and object type. */
    public String key() {
        return role + "/" + schema.orElse("") + "/" + objectType;
    }
}
