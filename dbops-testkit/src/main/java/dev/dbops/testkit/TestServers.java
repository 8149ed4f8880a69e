package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL servers of this JVM, one per spec: the configured one is {@link PostgresProvider#shared()};
 * any other is started on first use and stopped when the JVM exits, so that every test class asking for
 * PostgreSQL 18 shares one server. A failed start is remembered and reported again without retrying.
 */
final class TestServers {

    private static final Pattern EMBEDDED_MAJOR = Pattern.compile("embedded:(\\d+)");
    private static final Map<String, PostgresServer> STARTED = new HashMap<>();
    private static final Map<String, DbopsException> FAILED = new HashMap<>();

    private TestServers() {
    }

    /**
     * The server of a choice, started if need be.
     *
     * @throws DbopsException as {@link PostgresProvider#fromSpec(String)} does, or with
     *     {@link ErrorCode#INVALID_CONFIGURATION} when a server named by URL has another major version than asked for
     */
    static PostgresServer server(ServerChoice choice) {
        String configured = ServerChoice.configuredSpec();
        PostgresServer server = choice.spec().equals(configured) ? PostgresProvider.shared() : started(choice, configured);
        if (choice.requiredMajor().isPresent() && server.majorVersion() != choice.requiredMajor().getAsInt()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "PostgreSQL " + choice.requiredMajor().getAsInt()
                    + " was asked for, but the server " + choice.describe() + " is PostgreSQL " + server.majorVersion()
                    + " — point the URL at a server of that version, or leave the version out");
        }
        return server;
    }

    private static synchronized PostgresServer started(ServerChoice choice, String configured) {
        String spec = choice.spec();
        PostgresServer known = STARTED.get(spec);
        if (known != null) {
            return known;
        }
        DbopsException failure = FAILED.get(spec);
        if (failure != null) {
            throw new DbopsException(failure.code(), failure.getMessage(), failure);
        }
        Matcher major = EMBEDDED_MAJOR.matcher(spec.toLowerCase(Locale.ROOT));
        if (major.matches() && new ServerChoice(configured, choice.requiredMajor()).embedded()) {
            PostgresServer shared = PostgresProvider.shared();
            if (shared.majorVersion() == Integer.parseInt(major.group(1))) {
                STARTED.put(spec, shared);
                return shared;
            }
        }
        try {
            PostgresServer server = PostgresProvider.fromSpec(spec);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dbops-testkit-postgres-shutdown"));
            STARTED.put(spec, server);
            return server;
        } catch (DbopsException e) {
            FAILED.put(spec, e);
            throw e;
        }
    }
}
