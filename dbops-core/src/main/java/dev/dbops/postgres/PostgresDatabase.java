package dev.dbops.postgres;

import java.sql.Connection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway database created by a {@link PostgresServer}; closing it drops it.
 *
 * <p>Closing twice is harmless. Open connections are terminated when the database is dropped.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final PostgresUrl url;
    private final Consumer<String> dropper;
    private final AtomicBoolean closed = new AtomicBoolean();

    PostgresDatabase(PostgresUrl url, Consumer<String> dropper) {
        this.url = Objects.requireNonNull(url, "url");
        this.dropper = Objects.requireNonNull(dropper, "dropper");
    }

    /** The database's name, for example {@code dbops_3_9f2c41ab}. */
    public String name() {
        return url.database();
    }

    /** The URL of this database, with the credentials to reach it (its {@code toString()} masks the password). */
    public PostgresUrl url() {
        return url;
    }

    /**
     * Opens a new connection to this database; the caller closes it.
     *
     * @throws dev.dbops.DbopsException as {@link PostgresConnector#open(PostgresUrl)} does
     */
    public Connection connect() {
        return PostgresConnector.open(url);
    }

    /** A new non-pooling data source for this database, with the connector's default timeouts. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        url.user().ifPresent(dataSource::setUser);
        url.password().ifPresent(dataSource::setPassword);
        // The URL's own parameters win over the defaults, as they do in PostgresConnector.
        if (!url.parameters().containsKey("ApplicationName")) {
            dataSource.setApplicationName(PostgresConnector.APPLICATION_NAME);
        }
        if (!url.parameters().containsKey("assumeMinServerVersion")) {
            dataSource.setAssumeMinServerVersion(PostgresConnector.ASSUME_MIN_SERVER_VERSION);
        }
        if (!url.parameters().containsKey("connectTimeout")) {
            dataSource.setConnectTimeout(PostgresConnector.TIMEOUT_SECONDS);
        }
        if (!url.parameters().containsKey("loginTimeout")) {
            dataSource.setLoginTimeout(PostgresConnector.TIMEOUT_SECONDS);
        }
        return dataSource;
    }

    /** Drops the database, terminating its sessions; does nothing the second time. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dropper.accept(url.database());
        }
    }

    /** The database name and masked URL. */
    @Override
    public String toString() {
        return "PostgresDatabase[" + url.masked() + "]";
    }
}
