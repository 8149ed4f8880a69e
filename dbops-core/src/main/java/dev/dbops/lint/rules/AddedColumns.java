package dev.dbops.lint.rules;

import dev.dbops.lint.StatementContext;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code ADD COLUMN} on a live table in one lint run, with what decides whether PostgreSQL 11+
 * can add it without a rewrite: the volatility of its default and whether its type is a domain with
 * constraints (both judged against what the migrations before it declared).
 */
final class AddedColumns {

    private AddedColumns() {
    }

    /**
     * One added column.
     *
     * @param defaultCalls the functions its DEFAULT calls, by volatility (none without a default)
     * @param domain the domain its type names, when the linted migrations created it
     */
    record Added(StatementContext context, QualifiedName table, ColumnDefinition column, Volatility.Calls defaultCalls,
            Optional<ReplayedDefinitions.Domain> domain) {
    }

    /** The columns added to live tables among {@code contexts}, in order. */
    static List<Added> in(List<StatementContext> contexts) {
        ReplayedDefinitions schema = new ReplayedDefinitions();
        List<Added> added = new ArrayList<>();
        for (StatementContext context : contexts) {
            Statement statement = context.statement();
            if (statement instanceof Statement.AlterTable alter && context.isLiveTable(alter.table())) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddColumn add) {
                        ColumnDefinition column = add.column();
                        Volatility.Calls calls = column.defaultValue().map(value -> Volatility.of(value, schema))
                                .orElse(new Volatility.Calls(List.of(), List.of()));
                        added.add(new Added(context, alter.table(), column, calls, schema.domain(column.type())));
                    }
                }
            }
            if (!(statement instanceof Statement.DoBlock)) {
                schema.apply(statement);
            }
        }
        return added;
    }
}
