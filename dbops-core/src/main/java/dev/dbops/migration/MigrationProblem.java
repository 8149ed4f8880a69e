package dev.dbops.migration;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A file that could not be loaded, or could be loaded only in part, reported as data so that the other
 * migrations still load: an unreadable file, an unparseable changelog, a bad Flyway file name, a
 * placeholder without a value.
 *
 * @param location where the problem is, in the same notation as {@link Migration#location()}
 * @param line the 1-based line in that file, when the problem has one
 * @param message what is wrong and how to fix it
 */
public record MigrationProblem(String location, OptionalInt line, String message) {

    /** Checks that no component is null and that a line, when present, is positive. */
    public MigrationProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(message, "message");
        if (line.isPresent() && line.getAsInt() < 1) {
            throw new IllegalArgumentException("line must be at least 1, was " + line.getAsInt());
        }
    }

    /** A problem with the whole file. */
    static MigrationProblem of(String location, String message) {
        return new MigrationProblem(location, OptionalInt.empty(), message);
    }

    /** A problem at one line of the file. */
    static MigrationProblem at(String location, int line, String message) {
        return new MigrationProblem(location, OptionalInt.of(line), message);
    }

    /** {@code location:line: message}, the form compilers use. */
    @Override
    public String toString() {
        return location + (line.isPresent() ? ":" + line.getAsInt() : "") + ": " + message;
    }
}
