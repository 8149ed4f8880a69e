package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.Identifiers;
import dev.dbops.trace.Seeder;
import dev.dbops.trace.seed.DataSeeder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The seeder of a traced assertion: it first records the tables the applied migrations created — the tables
 * that exist before the traced ones run — then fills them with {@link DataSeeder} (unless no rows are asked
 * for). Names are written as the trace writes them: {@code schema.name}, quoted only where PostgreSQL needs it.
 */
final class ExistingTables implements Seeder {

    /** The seed of the synthetic rows, fixed so that a failing assertion fails the same way again. */
    static final long SEED = 42;

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final String TABLES = "select n.nspname, c.relname from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'"
            + " order by 1, 2";

    private final long rows;
    private final Set<String> tables = new LinkedHashSet<>();

    ExistingTables(long rows) {
        this.rows = rows;
    }

    /** The tables, partitioned tables and materialized views seen before the traced migrations; empty before. */
    Set<String> tables() {
        return Set.copyOf(tables);
    }

    @Override
    public Outcome seed(DataSource database) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery(TABLES)) {
            while (found.next()) {
                tables.add(part(found.getString(1)) + "." + part(found.getString(2)));
            }
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.TRACE_FAILED, "cannot list the tables of the scratch database: "
                    + e.getMessage(), e);
        }
        if (rows == 0) {
            return new Outcome("no rows: withRows(0)", List.of());
        }
        return Seeder.of(DataSeeder.builder().rows(rows).seed(SEED).build()).seed(database);
    }

    /** An identifier as the trace writes it: quoted only where PostgreSQL needs it. */
    static String part(String identifier) {
        return PLAIN.matcher(identifier).matches() ? identifier : Identifiers.quote(identifier);
    }
}
