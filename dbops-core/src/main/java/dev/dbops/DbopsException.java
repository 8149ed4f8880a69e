package dev.dbops;

import java.util.Objects;

/**
 * The one unchecked exception dbops throws; {@link #code()} says what kind of failure it is.
 *
 * <p>The message says what failed, what was observed, and how to fix it. It never contains a
 * password.
 */
public class DbopsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception with a stable code and a message that says what failed and how to fix it. */
    public DbopsException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception with a stable code, a message, and the underlying cause. */
    public DbopsException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this failure; match on it, never on the message. */
    public ErrorCode code() {
        return code;
    }
}
