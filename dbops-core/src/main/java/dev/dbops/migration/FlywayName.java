package dev.dbops.migration;

import java.util.Locale;
import java.util.Optional;

/**
 * A Flyway SQL migration file name taken apart with Flyway's default naming: prefix {@code V}, {@code U},
 * {@code B} or {@code R} (case-sensitive), version, separator {@code __}, description, suffix
 * {@code .sql} (any case). {@code V1.sql} is valid and has an empty description, as in Flyway.
 *
 * @param kind versioned, undo, baseline or repeatable
 * @param version the version; empty for repeatables
 * @param description the description, underscores read as spaces
 */
record FlywayName(MigrationKind kind, Optional<FlywayVersion> version, String description) {

    static final String SUFFIX = ".sql";
    private static final String SEPARATOR = "__";
    private static final String EXPECTED = "V<version>__<description>.sql (or U…, B… with a version,"
            + " R__<description>.sql without one)";

    /** Whether Flyway would look at a file of this name at all: it ends with {@code .sql}, in any case. */
    static boolean isSqlFile(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** The parts of a valid Flyway file name, or empty. */
    static Optional<FlywayName> parse(String fileName) {
        return Optional.ofNullable(read(fileName, new StringBuilder()));
    }

    /** Why a file name is not a valid Flyway migration name, with the form Flyway expects. */
    static String whyInvalid(String fileName) {
        StringBuilder reason = new StringBuilder();
        read(fileName, reason);
        return reason.toString();
    }

    private static FlywayName read(String fileName, StringBuilder reason) {
        if (!isSqlFile(fileName)) {
            reason.append("'").append(fileName).append("' does not end with ").append(SUFFIX);
            return null;
        }
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        MigrationKind kind = base.isEmpty() ? null : switch (base.charAt(0)) {
            case 'V' -> MigrationKind.VERSIONED;
            case 'U' -> MigrationKind.UNDO;
            case 'B' -> MigrationKind.BASELINE;
            case 'R' -> MigrationKind.REPEATABLE;
            default -> null;
        };
        if (kind == null) {
            reason.append("'").append(fileName).append("' is not a Flyway migration name: Flyway ignores it."
                    + " Rename it to ").append(EXPECTED);
            return null;
        }
        String rest = base.substring(1);
        int separator = rest.indexOf(SEPARATOR);
        String versionPart = separator < 0 ? rest : rest.substring(0, separator);
        String description = separator < 0 ? "" : rest.substring(separator + SEPARATOR.length()).replace('_', ' ');
        if (kind == MigrationKind.REPEATABLE) {
            if (!versionPart.isEmpty()) {
                reason.append("'").append(fileName).append("' is not a valid repeatable migration name: a"
                        + " repeatable migration has no version. Rename it to R__").append(versionPart).append(SUFFIX);
                return null;
            }
            return new FlywayName(kind, Optional.empty(), description);
        }
        if (versionPart.isEmpty()) {
            reason.append("'").append(fileName).append("' has no version. Rename it to ")
                    .append(base.charAt(0)).append("1__").append(description.replace(' ', '_')).append(SUFFIX);
            return null;
        }
        Optional<FlywayVersion> version = FlywayVersion.parse(versionPart);
        if (version.isEmpty()) {
            reason.append("'").append(fileName).append("' has an invalid version '").append(versionPart)
                    .append("': a version is numbers separated by dots or single underscores, as in V1.2__x.sql");
            return null;
        }
        return new FlywayName(kind, version, description);
    }
}
