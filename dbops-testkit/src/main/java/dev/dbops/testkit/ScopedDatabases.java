package dev.dbops.testkit;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The databases of one test or one test class, one per server, kept in that extension context's store so
 * that JUnit closes them with it: each is dropped then, unless a failed test asked for it to be kept.
 */
final class ScopedDatabases implements AutoCloseable {

    private final Map<String, Held> databases = new LinkedHashMap<>();

    /** One database and what is to become of it. */
    private static final class Held {
        final ServerChoice server;
        final PostgresDatabase database;
        boolean keepOnFailure;
        boolean kept;

        Held(ServerChoice server, PostgresDatabase database) {
            this.server = server;
            this.database = database;
        }
    }

    /**
     * The database of this scope on the point's server, created on first use; a point that asks for
     * {@code keepOnFailure} makes it kept when a test fails.
     */
    synchronized PostgresDatabase database(InjectionPoint point) {
        Held held = databases.get(point.server().spec());
        if (held == null) {
            held = new Held(point.server(), TestServers.server(point.server()).createDatabase());
            databases.put(point.server().spec(), held);
        }
        held.keepOnFailure |= point.keepOnFailure();
        return held.database;
    }

    /**
     * Marks the databases that asked for it to be kept, because a test failed; returns a sentence for each
     * one newly kept, naming its URL without password.
     */
    synchronized List<String> keepForInspection() {
        List<String> reports = new ArrayList<>();
        for (Held held : databases.values()) {
            if (held.keepOnFailure && !held.kept) {
                held.kept = true;
                reports.add(report(held));
            }
        }
        return reports;
    }

    /** Drops every database not kept; a failure to drop one does not stop the others. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (Held held : databases.values()) {
            if (held.kept) {
                continue;
            }
            try {
                held.database.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        databases.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static String report(Held held) {
        PostgresUrl url = held.database.url();
        String withoutPassword = new PostgresUrl(url.host(), url.port(), url.database(), url.user(), Optional.empty(),
                url.parameters()).masked();
        return "kept database " + url.database() + " for inspection after a failure: " + withoutPassword
                + (held.server.embedded() ? " (on the embedded server, which stops when this JVM exits; set "
                        + "DBOPS_TEST_POSTGRES to a server URL to keep it longer)" : "");
    }
}
