package dev.dbops.lint.rules;

import dev.dbops.lint.LintRule;
import java.util.List;

/**
 * One group of the built-in rules: session and transaction hygiene (timeouts, how long locks are held, how a
 * migration's transactions are shaped, what could not be inspected) and the schema-design rules.
 */
final class SessionAndDesignRules {

    private SessionAndDesignRules() {
    }

    static List<LintRule> all() {
        return List.of(
                new RequireLockTimeout(),
                new RequireStatementTimeout(),
                new StatementsAfterAccessExclusive(),
                new AccessExclusiveOnManyTables(),
                new MultipleAlterSameTable(),
                new TransactionNesting(),
                new NonIdempotentNonTransactional(),
                new SqlNotInspectable(),
                new PreferBigintKeys(),
                new PreferIdentity(),
                new PreferTextOverVarchar(),
                new PreferTimestamptz(),
                new IdentifierTooLong(),
                new TableWithoutPrimaryKey());
    }
}
