package dev.dbops.trace;

import dev.dbops.trace.seed.DataSeeder;
import dev.dbops.trace.seed.SeedFinding;
import dev.dbops.trace.seed.SeedReport;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fills the scratch database with rows after the migrations before the traced ones have built its schema,
 * and before the traced ones run, so that locks are held as long as they would be on production-volume
 * tables. Given to {@link LockTracer.Builder#seeder(Seeder)}.
 */
@FunctionalInterface
public interface Seeder {

    /**
     * A seeder that fills every table with synthetic rows generated from the column types by {@code rows};
     * what it could not honour (a CHECK it cannot satisfy, a foreign key cycle…) goes into the report.
     */
    static Seeder of(DataSeeder rows) {
        Objects.requireNonNull(rows, "rows");
        return database -> {
            SeedReport report = rows.seed(database);
            String summary = NumberFormat.getIntegerInstance(Locale.ROOT).format(report.rowsWritten()) + " rows in "
                    + report.tables().size() + " table" + (report.tables().size() == 1 ? "" : "s") + " (seed "
                    + report.seed() + ")";
            return new Outcome(summary, report.findings().stream().map(SeedFinding::describe).toList());
        };
    }

    /**
     * Fills the tables of the database behind {@code database}.
     *
     * @return what was seeded and what could not be, for the report
     */
    Outcome seed(DataSource database);

    /**
     * What a seeder did.
     *
     * @param summary one line, e.g. {@code 1,000,000 rows in 3 tables}
     * @param unsatisfied what it could not do, one line each (a CHECK it could not satisfy…)
     */
    record Outcome(String summary, List<String> unsatisfied) {

        /** Validates the parts and copies the list. */
        public Outcome {
            Objects.requireNonNull(summary, "summary");
            unsatisfied = List.copyOf(unsatisfied);
        }
    }
}
