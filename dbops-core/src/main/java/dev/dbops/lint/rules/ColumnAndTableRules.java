package dev.dbops.lint.rules;

import dev.dbops.lint.LintRule;
import java.util.List;

/** One group of the built-in rules; {@link BuiltInRules} lists every group. */
final class ColumnAndTableRules {

    private ColumnAndTableRules() {
    }

    static List<LintRule> all() {
        return List.of(
                new BackfillInDdlTransaction(),
                new AddColumnNotNullNoDefault(),
                new AddColumnDefaultRewrite(),
                new AddColumnVolatileDefault(),
                new AddColumnSerialOrIdentity(),
                new AddColumnGeneratedStored(),
                new PreferJsonb(),
                new ColumnTypeRewrite(),
                new ColumnTypeSafeWidening(),
                new DropColumn(),
                new RenameColumn(),
                new RenameTable(),
                new DropTable(),
                new DropSchemaOrDatabase(),
                new Truncate());
    }
}
