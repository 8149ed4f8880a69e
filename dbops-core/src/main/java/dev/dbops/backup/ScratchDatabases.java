package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates, guards and drops the scratch databases of drills on one server, over one admin session
 * that stays open for the whole drill.
 *
 * <p>Every scratch database carries a marker comment naming the admin session that created it
 * ({@code pid} and start time). A database is restored into or dropped only while it carries the
 * marker of this session; a marked database whose session no longer exists was left by a killed
 * drill and is removed by {@link #removeAbandoned()}. Unmarked databases are never touched.
 */
final class ScratchDatabases implements AutoCloseable {

    static final String MARKER_PREFIX = "dbops backup drill scratch database";
    private static final Pattern MARKER_SESSION = Pattern.compile("session (\\d+) started (\\d+)");

    private final PostgresUrl adminUrl;
    private final Connection admin;
    private final int versionNum;
    private final String session;

    private ScratchDatabases(PostgresUrl adminUrl, Connection admin, int versionNum, String session) {
        this.adminUrl = adminUrl;
        this.admin = admin;
        this.versionNum = versionNum;
        this.session = session;
    }

    /** Opens the admin session on the server of {@code adminUrl}. */
    static ScratchDatabases open(PostgresUrl adminUrl) {
        Connection connection = PostgresConnector.open(adminUrl);
        try {
            int versionNum = PostgresConnector.requireSupportedVersion(connection);
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select pg_catalog.pg_backend_pid(),"
                            + " (extract(epoch from backend_start) * 1000000)::bigint from pg_catalog.pg_stat_activity"
                            + " where pid = pg_catalog.pg_backend_pid()")) {
                rs.next();
                return new ScratchDatabases(adminUrl, connection, versionNum,
                        "session " + rs.getInt(1) + " started " + rs.getLong(2));
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof DbopsException dbops) {
                throw dbops;
            }
            throw failed(adminUrl, "open the admin session on " + adminUrl.masked(), (SQLException) e);
        }
    }

    /** The marker comment of databases created by this session. */
    String marker() {
        return MARKER_PREFIX + "; dropped when its drill ends; " + session;
    }

    /**
     * Drops every marked scratch database whose creating session no longer exists.
     *
     * @return the names of the databases removed
     */
    List<String> removeAbandoned() {
        List<String> removed = new ArrayList<>();
        try {
            for (String[] marked : marked()) {
                if (!marked[1].equals(marker()) && !sessionAlive(marked[1])) {
                    drop(marked[0]);
                    removed.add(marked[0]);
                }
            }
        } catch (SQLException e) {
            throw failed("look for scratch databases left by killed drills", e);
        }
        return removed;
    }

    /**
     * Creates and marks a scratch database with the source's encoding and locale.
     *
     * @throws DbopsException with {@link ErrorCode#UNSAFE_RESTORE_TARGET} when the name is the source's or a
     *     database of that name exists already
     */
    void create(String name, String sourceDatabase, SourceLocale locale) {
        if (name.equals(sourceDatabase)) {
            throw new DbopsException(ErrorCode.UNSAFE_RESTORE_TARGET, "Refusing to restore into \"" + name
                    + "\": it has the name of the source database, and a drill never restores over a database"
                    + " — name another database in --target-url.");
        }
        try {
            Optional<String> comment = existing(name);
            if (comment.isPresent()) {
                throw new DbopsException(ErrorCode.UNSAFE_RESTORE_TARGET, "Refusing to restore into \"" + name
                        + "\" on " + adminUrl.hostAndPort() + ": it exists and "
                        + (comment.get().startsWith(MARKER_PREFIX)
                                ? "belongs to another running drill (" + comment.get() + ")"
                                : "was not created by dbops")
                        + " — name a database that does not exist; dbops creates it and drops it afterwards.");
            }
            try (Statement statement = admin.createStatement()) {
                statement.execute("create database " + Identifiers.quote(name) + " template template0 encoding "
                        + Identifiers.literal(locale.encoding()) + " lc_collate " + Identifiers.literal(locale.collate())
                        + " lc_ctype " + Identifiers.literal(locale.ctype()));
                statement.execute("comment on database " + Identifiers.quote(name) + " is "
                        + Identifiers.literal(marker()));
            }
        } catch (SQLException e) {
            throw failed("create the scratch database \"" + name + "\"", e);
        }
    }

    /**
     * Checks, right before writing into it, that a database is one this session created.
     *
     * @throws DbopsException with {@link ErrorCode#UNSAFE_RESTORE_TARGET} otherwise
     */
    void requireOwned(String name) {
        try {
            Optional<String> comment = existing(name);
            if (!comment.equals(Optional.of(marker()))) {
                throw new DbopsException(ErrorCode.UNSAFE_RESTORE_TARGET, "Refusing to restore into \"" + name
                        + "\": it " + (comment.isEmpty() ? "does not exist" : "does not carry this drill's marker")
                        + " — dbops only restores into a scratch database it created for the drill.");
            }
        } catch (SQLException e) {
            throw failed("check the marker of \"" + name + "\"", e);
        }
    }

    /** Drops a database of this session, ending its connections; does nothing when it is gone. */
    void dropOwn(String name) {
        requireOwned(name);
        try {
            drop(name);
        } catch (SQLException e) {
            throw failed("drop the scratch database \"" + name + "\" (drop it by hand: DROP DATABASE "
                    + Identifiers.quote(name) + ")", e);
        }
    }

    /** Checks the target's free disk space over this session; see {@link DiskSpace#check}. */
    Optional<String> diskSpace(PostgresUrl target, long sourceBytes, long headroomBytes) {
        return DiskSpace.check(admin, target, sourceBytes, headroomBytes);
    }

    @Override
    public void close() {
        closeQuietly(admin);
    }

    /** The comment of a database ({@code ""} when it has none); empty when there is no such database. */
    private Optional<String> existing(String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("select pg_catalog.shobj_description(oid,"
                + " 'pg_database') from pg_catalog.pg_database where datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String comment = rs.getString(1);
                return Optional.of(comment == null ? "" : comment);
            }
        }
    }

    private List<String[]> marked() throws SQLException {
        List<String[]> marked = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement("select datname, description from"
                + " (select datname, pg_catalog.shobj_description(oid, 'pg_database') as description"
                + " from pg_catalog.pg_database) d where starts_with(description, ?) order by datname")) {
            statement.setString(1, MARKER_PREFIX);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    marked.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return marked;
    }

    private boolean sessionAlive(String marker) throws SQLException {
        Matcher matcher = MARKER_SESSION.matcher(marker);
        if (!matcher.find()) {
            return true;
        }
        try (PreparedStatement statement = admin.prepareStatement("select count(*) from pg_catalog.pg_stat_activity"
                + " where pid = ? and (backend_start is null"
                + " or (extract(epoch from backend_start) * 1000000)::bigint = ?)")) {
            statement.setInt(1, Integer.parseInt(matcher.group(1)));
            statement.setLong(2, Long.parseLong(matcher.group(2)));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private void drop(String name) throws SQLException {
        String quoted = Identifiers.quote(name);
        try (Statement statement = admin.createStatement()) {
            if (versionNum >= 130_000) {
                statement.execute("drop database if exists " + quoted + " with (force)");
                return;
            }
            statement.execute("alter database " + quoted + " allow_connections false");
        }
        try (PreparedStatement terminate = admin.prepareStatement(
                "select pg_catalog.pg_terminate_backend(pid) from pg_catalog.pg_stat_activity where datname = ?")) {
            terminate.setString(1, name);
            terminate.execute();
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + quoted);
        }
    }

    private DbopsException failed(String what, SQLException e) {
        return failed(adminUrl, what, e);
    }

    private static DbopsException failed(PostgresUrl adminUrl, String what, SQLException e) {
        String hint = "42501".equals(e.getSQLState()) ? " — the user " + adminUrl.user().orElse("(default)")
                + " needs CREATEDB (ALTER ROLE … CREATEDB), or name a server and user that has it with --target-url"
                : "";
        return new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot " + what + " on " + adminUrl.hostAndPort()
                + ": " + e.getMessage() + hint, e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a broken admin session; the server ends it anyway.
        }
    }

    /**
     * The encoding and locale of the source database, given to the scratch database so the restored
     * text sorts and converts the same.
     */
    record SourceLocale(String encoding, String collate, String ctype) {
    }
}
