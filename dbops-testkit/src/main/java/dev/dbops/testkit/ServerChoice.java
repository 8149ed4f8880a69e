package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The server a {@link DbopsPostgres} or an assertion asks for: a {@link PostgresProvider#fromSpec(String)}
 * spec, and the major version an existing server named by URL must have.
 *
 * @param spec the provider spec
 * @param requiredMajor the major version the server must turn out to have, for a URL combined with a version
 */
record ServerChoice(String spec, OptionalInt requiredMajor) {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    /** The spec configured for this JVM: {@code -Ddbops.test.postgres}, else {@code DBOPS_TEST_POSTGRES}, else {@code embedded}. */
    static String configuredSpec() {
        return configuredSpec(System::getProperty, System.getenv());
    }

    static String configuredSpec(UnaryOperator<String> properties, Map<String, String> environment) {
        String property = properties.apply(PostgresProvider.SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String variable = environment.get(PostgresProvider.ENVIRONMENT_VARIABLE);
        return variable != null && !variable.isBlank() ? variable.strip() : PostgresProvider.DEFAULT_SPEC;
    }

    /**
     * Combines an explicit server and version (each possibly empty) with the configured spec: the explicit
     * server wins over the configured one, and a version picks the embedded server's version or the
     * Testcontainers image tag, or is checked against a server named by URL.
     *
     * @throws IllegalArgumentException when the version is not a version, or contradicts the version the
     *     explicit server names
     */
    static ServerChoice of(String version, String server, String configured) {
        String explicit = server.strip();
        String wanted = version.strip();
        String base = explicit.isEmpty() ? configured.strip() : explicit;
        if (wanted.isEmpty()) {
            return new ServerChoice(base, OptionalInt.empty());
        }
        if (!VERSION.matcher(wanted).matches()) {
            throw new IllegalArgumentException("version \"" + version + "\" is not a PostgreSQL version: give a major"
                    + " such as \"18\" or an exact release such as \"15.19.0\"");
        }
        String lower = base.toLowerCase(Locale.ROOT);
        for (String kind : new String[] {"embedded", "testcontainers"}) {
            if (lower.equals(kind) || lower.startsWith(kind + ":")) {
                String own = lower.equals(kind) ? "" : base.substring(kind.length() + 1).strip();
                if (!explicit.isEmpty() && !own.isEmpty() && !own.equals(wanted)) {
                    throw new IllegalArgumentException("server = \"" + server + "\" and version = \"" + version
                            + "\" ask for different versions: give the version in one of them");
                }
                return new ServerChoice(kind + ":" + wanted, OptionalInt.empty());
            }
        }
        if (lower.startsWith("jdbc:") || lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return new ServerChoice(base, OptionalInt.of(Integer.parseInt(wanted.split("\\.")[0])));
        }
        return new ServerChoice(base, OptionalInt.empty());
    }

    /** The spec for messages, a URL's password masked. */
    String describe() {
        return describe(spec);
    }

    /** A spec for messages, a URL's password masked. */
    static String describe(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:") || lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            try {
                return PostgresUrl.parse(spec).masked();
            } catch (DbopsException e) {
                return "(a server URL that does not parse)";
            }
        }
        return spec;
    }

    /** The spec, masked as {@link #describe()} masks it. */
    @Override
    public String toString() {
        return describe();
    }

    /** Whether the spec names an embedded server, whose databases go away when the JVM exits. */
    boolean embedded() {
        String lower = spec.toLowerCase(Locale.ROOT);
        return lower.equals("embedded") || lower.startsWith("embedded:");
    }
}
