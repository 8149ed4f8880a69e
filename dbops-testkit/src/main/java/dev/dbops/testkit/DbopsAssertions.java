package dev.dbops.testkit;

import dev.dbops.backup.BackupDrill;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.postgresql.ds.common.BaseDataSource;

/**
 * The entry point of dbops's assertions, in AssertJ's style; it extends AssertJ's {@link Assertions}, so one
 * static import gives both.
 *
 * <pre>{@code
 * import static dev.dbops.testkit.DbopsAssertions.*;
 *
 * assertThat(migrations("classpath:db/migration")).areLockSafe().matchSnapshot("src/main/resources/db/dbops-snapshot.json");
 * assertThat(backupDrill(dataSource)).restoresIdentically().withinRto(Duration.ofMinutes(5));
 * }</pre>
 */
public class DbopsAssertions extends Assertions {

    /** Not instantiated; extend it to add entry points of your own, as AssertJ suggests. */
    protected DbopsAssertions() {
    }

    /**
     * The migrations at these locations: Flyway's {@code classpath:db/migration} or {@code filesystem:db/migration},
     * a directory, a {@code .sql} file, or a Liquibase changelog. For placeholders or other options, build a
     * {@link MigrationSource} yourself and pass it to {@link #assertThat(MigrationSource)}.
     *
     * @throws IllegalArgumentException when no location is given or one is empty
     */
    public static MigrationSource migrations(String... locations) {
        Objects.requireNonNull(locations, "locations");
        MigrationSource.Builder builder = MigrationSource.builder();
        for (String location : locations) {
            builder.location(location);
        }
        try {
            return builder.build();
        } catch (dev.dbops.DbopsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Assertions on migrations: lock safety, the schema snapshot, reversibility, drift. */
    public static MigrationsAssert assertThat(MigrationSource migrations) {
        return new MigrationsAssert(migrations);
    }

    /** A backup drill of the database a pgjdbc data source reaches, as {@link DbopsPostgres} injects. */
    public static BackupDrill backupDrill(DataSource source) {
        Objects.requireNonNull(source, "source");
        return backupDrill(urlOf(source));
    }

    /** A backup drill of a database {@link DbopsPostgres} injected. */
    public static BackupDrill backupDrill(PostgresDatabase source) {
        return backupDrill(Objects.requireNonNull(source, "source").url());
    }

    /**
     * A backup drill of the database at this URL, with {@link BackupDrill}'s defaults: restored into a scratch
     * database on the same server, as the same user. For other options, build a {@link BackupDrill} yourself
     * and pass it to {@link #assertThat(BackupDrill)}.
     */
    public static BackupDrill backupDrill(PostgresUrl source) {
        return BackupDrill.builder().source(Objects.requireNonNull(source, "source")).build();
    }

    /** Assertions on a backup drill, which runs at the first assertion. */
    public static BackupDrillAssert assertThat(BackupDrill drill) {
        return new BackupDrillAssert(drill);
    }

    /** The URL and credentials of a pgjdbc data source, which pg_dump needs. */
    private static PostgresUrl urlOf(DataSource source) {
        BaseDataSource pg;
        try {
            pg = source instanceof BaseDataSource base ? base
                    : source.isWrapperFor(BaseDataSource.class) ? source.unwrap(BaseDataSource.class) : null;
        } catch (SQLException e) {
            pg = null;
        }
        if (pg == null || pg.getServerNames().length == 0 || pg.getDatabaseName() == null) {
            throw new IllegalArgumentException("backupDrill needs the URL and credentials of the database for pg_dump,"
                    + " and a " + source.getClass().getName() + " does not expose them: pass the PostgresDatabase or"
                    + " PostgresUrl that @DbopsPostgres injects, or PostgresUrl.parse(\"postgresql://user:password@host/db\")");
        }
        int[] ports = pg.getPortNumbers();
        int port = ports == null || ports.length == 0 || ports[0] == 0 ? PostgresUrl.DEFAULT_PORT : ports[0];
        return new PostgresUrl(pg.getServerNames()[0], port, pg.getDatabaseName(), Optional.ofNullable(pg.getUser()).filter(u -> !u.isEmpty()),
                Optional.ofNullable(pg.getPassword()), Map.of());
    }
}
