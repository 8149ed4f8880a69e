package dev.dbops.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * One privilege held by one grantee, as PostgreSQL's ACLs record it.
 *
 * @param grantee role name, or {@code PUBLIC}
 * @param privilege privilege keyword as in GRANT, e.g. {@code SELECT}, {@code USAGE}, {@code EXECUTE}
 * @param grantable whether it was granted WITH GRANT OPTION
 */
public record Grant(String grantee, String privilege, boolean grantable) implements Comparable<Grant> {

    /** The grantee name PostgreSQL uses for "every role". */
    public static final String PUBLIC = "PUBLIC";

    private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::grantee)
            .thenComparing(Grant::privilege)
            .thenComparing(Grant::grantable);

    /** Creates a grant; grantee and privilege are required. */
    public Grant {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(privilege, "privilege");
    }

    @Override
    public int compareTo(Grant other) {
        return ORDER.compare(this, other);
    }
}
