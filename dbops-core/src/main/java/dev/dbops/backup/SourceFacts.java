package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a drill needs to know about its source before it starts: name, version, size, encoding and locale.
 *
 * @param database the database's name
 * @param versionNum {@code server_version_num}
 * @param version {@code server_version}, for example {@code 15.18}
 * @param bytes {@code pg_database_size}
 * @param locale the encoding and libc locale, for the scratch database
 * @param icu whether the database uses the ICU locale provider (PostgreSQL 15+)
 */
record SourceFacts(String database, int versionNum, String version, long bytes, ScratchDatabases.SourceLocale locale,
        boolean icu) {

    int major() {
        return versionNum / 10_000;
    }

    static SourceFacts read(PostgresUrl url) {
        try (Connection connection = PostgresConnector.open(url)) {
            int versionNum = PostgresConnector.requireSupportedVersion(connection);
            String provider = versionNum >= 150_000 ? "d.datlocprovider::text" : "'c'";
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select d.datname, pg_catalog.current_setting('server_version'),"
                            + " pg_catalog.pg_database_size(d.oid), pg_catalog.pg_encoding_to_char(d.encoding),"
                            + " d.datcollate, d.datctype, " + provider + " from pg_catalog.pg_database d"
                            + " where d.datname = pg_catalog.current_database()")) {
                rs.next();
                return new SourceFacts(rs.getString(1), versionNum, rs.getString(2).split(" ")[0], rs.getLong(3),
                        new ScratchDatabases.SourceLocale(rs.getString(4), rs.getString(5), rs.getString(6)),
                        "i".equals(rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot read the size and locale of the source "
                    + url.masked() + ": " + e.getMessage(), e);
        }
    }
}
