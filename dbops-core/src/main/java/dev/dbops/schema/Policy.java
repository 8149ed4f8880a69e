package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row-level security policy.
 *
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param roles the roles it applies to; {@code PUBLIC} for all
 * @param using the USING expression
 * @param withCheck the WITH CHECK expression
 */
public record Policy(
        String name,
        boolean permissive,
        String command,
        List<String> roles,
        Optional<String> using,
        Optional<String> withCheck,
        Optional<String> comment) {

    /** Creates a policy entry. */
    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        roles = Models.sorted(roles);
        Models.required(using, "using");
        Models.required(withCheck, "withCheck");
        Models.required(comment, "comment");
    }
}
