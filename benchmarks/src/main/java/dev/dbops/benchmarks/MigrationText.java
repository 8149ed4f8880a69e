package dev.dbops.benchmarks;

/**
 * The text of one generated migration file as it is being written: comments and statements in order,
 * each statement terminated by {@code ;}, with a count of the statements PostgreSQL would run.
 */
final class MigrationText {

    private final StringBuilder sql = new StringBuilder(1024);
    private int statements;
    private String config = "";

    /** A {@code --} comment line. */
    MigrationText comment(String line) {
        sql.append("-- ").append(line).append('\n');
        return this;
    }

    /** A {@code /* … *&#47;} comment over several lines. */
    MigrationText blockComment(String... lines) {
        sql.append("/*\n");
        for (String line : lines) {
            sql.append(" * ").append(line).append('\n');
        }
        sql.append(" */\n");
        return this;
    }

    /** One statement, without its terminating {@code ;}, followed by a blank line. */
    MigrationText statement(String text) {
        sql.append(text).append(";\n\n");
        statements++;
        return this;
    }

    /** One statement followed directly by the next line, for runs of short statements. */
    MigrationText tight(String text) {
        sql.append(text).append(";\n");
        statements++;
        return this;
    }

    /** Flyway's configuration of this script, written next to it as {@code V<n>__<description>.sql.conf}. */
    MigrationText config(String properties) {
        config = properties;
        return this;
    }

    /** The script configuration, empty when the script has none. */
    String config() {
        return config;
    }

    /** How many statements were written. */
    int statements() {
        return statements;
    }

    /** The file's text. */
    String sql() {
        return sql.toString();
    }
}
