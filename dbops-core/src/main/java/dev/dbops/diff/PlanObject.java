package dev.dbops.diff;

import java.util.List;

/**
 * How the planner names one object in the statements every kind shares — COMMENT, GRANT/REVOKE
 * and OWNER TO — and what privileges PostgreSQL gives it when it is created.
 *
 * @param target the object in COMMENT syntax, e.g. {@code TABLE "public"."orders"}
 * @param grantTarget the object in GRANT syntax; differs for views ({@code TABLE "public"."v"})
 * @param alter the ALTER prefix for OWNER TO, e.g. {@code ALTER TABLE "public"."orders"}
 * @param key the dependency key of the object: these statements run after it exists
 * @param acl the privileges a new object of this kind starts with
 * @param relation whether it is a relation (table, view, sequence), whose OWNER TO takes a table lock
 * @param existing whether the object exists before the plan runs (it is not created by it)
 */
record PlanObject(String target, String grantTarget, String alter, String key, AclDefault acl, boolean relation,
        boolean existing) {

    /** An object whose COMMENT and GRANT syntax name it the same way. */
    PlanObject(String target, String alter, String key, AclDefault acl, boolean relation, boolean existing) {
        this(target, target, alter, key, acl, relation, existing);
    }

    /** What {@code acldefault} gives a new object of a kind: the owner's privileges and PUBLIC's. */
    enum AclDefault {
        TABLE(List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"), List.of()),
        SEQUENCE(List.of("USAGE", "SELECT", "UPDATE"), List.of()),
        FUNCTION(List.of("EXECUTE"), List.of("EXECUTE")),
        TYPE(List.of("USAGE"), List.of("USAGE")),
        SCHEMA(List.of("USAGE", "CREATE"), List.of()),
        NONE(List.of(), List.of());

        private final List<String> owner;
        private final List<String> everyone;

        AclDefault(List<String> owner, List<String> everyone) {
            this.owner = owner;
            this.everyone = everyone;
        }

        /** The owner's privileges; {@code MAINTAIN} is added for tables on PostgreSQL 17 and newer. */
        List<String> owner(boolean maintain) {
            if (this == TABLE && maintain) {
                List<String> withMaintain = new java.util.ArrayList<>(owner);
                withMaintain.add("MAINTAIN");
                return withMaintain;
            }
            return owner;
        }

        /** PUBLIC's privileges. */
        List<String> everyone() {
            return everyone;
        }
    }
}
