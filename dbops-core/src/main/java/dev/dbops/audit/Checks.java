package dev.dbops.audit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one registry of check implementations, in {@link AuditCheck} order. */
final class Checks {

    private static final List<Check> ALL = List.of(
            new ForeignKeyWithoutIndexCheck(),
            new UnusedIndexCheck(),
            new DuplicateIndexCheck(),
            new RedundantIndexCheck(),
            new InvalidIndexCheck(),
            new IndexBloatCheck(),
            new TableWithoutPrimaryKeyCheck(),
            new TableBloatCheck(),
            new StaleStatisticsCheck(),
            new VacuumOverdueCheck(),
            new SequenceExhaustionCheck(),
            WraparoundCheck.transactionIds(),
            WraparoundCheck.multixactIds(),
            new LongRunningQueryCheck(),
            new IdleInTransactionCheck(),
            new XminHorizonCheck(),
            new ConnectionUsageCheck(),
            new ReplicationLagCheck(),
            new InactiveReplicationSlotCheck(),
            new ArchiverFailureCheck(),
            new SlowQueryCheck(),
            new QueryRegressionCheck(),
            new CacheHitRatioCheck());

    private static final Map<AuditCheck, Check> BY_ID = new EnumMap<>(AuditCheck.class);

    static {
        for (Check check : ALL) {
            if (BY_ID.put(check.id(), check) != null) {
                throw new IllegalStateException("two implementations of " + check.id());
            }
        }
    }

    private Checks() {
    }

    /** The implementation of a check. */
    static Check of(AuditCheck id) {
        Check check = BY_ID.get(id);
        if (check == null) {
            throw new IllegalStateException("no implementation of audit check " + id.id());
        }
        return check;
    }
}
