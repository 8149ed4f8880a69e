package dev.dbops.trace.seed;

import dev.dbops.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one table is seeded: the slots that fill its COPY columns (in COPY order), the keys whose
 * values must be distinct, the columns left to the server, and what could not be honoured. A plan
 * is made without touching the database; {@link TableSeeder} binds foreign keys to parent rows and
 * runs it.
 *
 * @param name the table as {@code schema.table}, unquoted
 * @param slots the COPY columns, grouped into slots
 * @param keys unique keys, and exclusion constraints that behave like them
 * @param distinctByServer columns the server fills with distinct values (identity, serial)
 * @param sequencesToAdvance columns with a sequence that seeding writes itself (a self-referenced
 *     serial or identity BY DEFAULT key); their sequences are moved past the written values
 * @param findings what could not be honoured
 * @param blocked why the table cannot be seeded at all, when it cannot
 */
record TablePlan(
        Table table,
        String name,
        long rows,
        List<Slot> slots,
        List<TableKeys.UniqueKey> keys,
        Set<String> distinctByServer,
        List<String> sequencesToAdvance,
        List<SeedFinding> findings,
        Optional<SeedFinding> blocked) {

    TablePlan {
        slots = List.copyOf(slots);
        keys = List.copyOf(keys);
        distinctByServer = Set.copyOf(distinctByServer);
        sequencesToAdvance = List.copyOf(sequencesToAdvance);
        findings = List.copyOf(findings);
    }

    /** The COPY column list, in slot order. */
    List<String> copyColumns() {
        List<String> columns = new ArrayList<>();
        slots.forEach(slot -> columns.addAll(slot.columns()));
        return columns;
    }

    /** The slot that writes a column, when one does. */
    Optional<Slot> slotOf(String column) {
        return slots.stream().filter(s -> s.columns().contains(column)).findFirst();
    }
}
