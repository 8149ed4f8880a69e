package dev.dbops.lint;

import java.util.Objects;

/**
 * A file that could not be linted at all, or not completely: unreadable, an unparseable changelog, a
 * missing placeholder. The other files are still linted; the CLI exits with 2.
 *
 * @param file the file as the user named it
 * @param line the line the problem is on, or 0 when it concerns the whole file
 * @param message what is wrong and how to fix it
 */
public record InputProblem(String file, int line, String message) {

    /** Validates the parts. */
    public InputProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
