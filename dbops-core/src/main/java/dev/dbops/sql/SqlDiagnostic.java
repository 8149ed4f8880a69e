package dev.dbops.sql;

import java.util.Objects;

/**
 * A problem found while splitting a script, such as an unterminated string; the script is still split.
 *
 * @param message what is wrong, where it starts and how to fix it, for example
 *     {@code unterminated quoted string starting at 3:7; close it with '}
 * @param position where the offending construct starts
 */
public record SqlDiagnostic(String message, SourcePosition position) {

    /** Creates a diagnostic. */
    public SqlDiagnostic {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(position, "position");
    }
}
