package dev.dbops.postgres;

/**
 * A running PostgreSQL server that hands out throwaway databases, for tests and shadow databases.
 *
 * <p>Implementations: {@link EmbeddedPostgres} (a local server started from the zonky binaries),
 * {@link ExternalPostgres} (an existing server reached by URL), and the Docker-based one that
 * {@link PostgresProvider#fromSpec(String)} starts for {@code testcontainers}. All are thread-safe.
 */
public interface PostgresServer extends AutoCloseable {

    /** A superuser (or CREATEDB) URL, with credentials, of the server's maintenance database. */
    PostgresUrl adminUrl();

    /** The server's major version, for example {@code 15} or {@code 18}. */
    int majorVersion();

    /**
     * Creates an empty database with a unique name ({@code dbops_<counter>_<random>}) from
     * {@code template0}; closing it drops it.
     *
     * @throws dev.dbops.DbopsException when the server cannot create the database, with the reason
     */
    PostgresDatabase createDatabase();

    /** Releases the server: an embedded one is stopped and its files deleted; databases it created are gone. */
    @Override
    void close();
}
