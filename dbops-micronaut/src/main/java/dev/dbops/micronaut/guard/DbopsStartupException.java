package dev.dbops.micronaut.guard;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.Objects;

/**
 * Stops the startup of a Micronaut application when the dbops startup guard fails: drift, unsafe pending
 * migrations, an unreachable database, a missing or malformed snapshot.
 *
 * <p>Micronaut reports a startup failure with the message of the exception that stopped it (there is no failure
 * analyzer), so the message is the whole report: {@link #description()} (what the guard found), a blank line, then
 * {@code Action: } and {@link #action()} (what to do), the texts of the Spring Boot starter's report. Match on
 * {@link #code()}, never on the text.
 */
public class DbopsStartupException extends DbopsException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    /** Creates the exception from what the guard found and what to do about it. */
    public DbopsStartupException(ErrorCode code, String description, String action) {
        this(code, description, action, null);
    }

    /** Creates the exception from what the guard found, what to do about it, and the underlying failure. */
    public DbopsStartupException(ErrorCode code, String description, String action, Throwable cause) {
        super(code, Objects.requireNonNull(description, "description").stripTrailing() + "\n\nAction: "
                + Objects.requireNonNull(action, "action"), cause);
        this.description = description;
        this.action = action;
    }

    /** What the guard found: each difference or violation, where it comes from. */
    public String description() {
        return description;
    }

    /** What to do: the fix, and how to start anyway. */
    public String action() {
        return action;
    }
}
