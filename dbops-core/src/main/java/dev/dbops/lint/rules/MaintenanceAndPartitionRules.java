package dev.dbops.lint.rules;

import dev.dbops.lint.LintRule;
import java.util.List;

/** One group of the built-in rules; {@link BuiltInRules} lists every group. */
final class MaintenanceAndPartitionRules {

    private MaintenanceAndPartitionRules() {
    }

    static List<LintRule> all() {
        return List.of(
                new RenameEnumValue(),
                new VacuumFullOrCluster(),
                new SetTablespace(),
                new SetLoggedUnloggedAm(),
                new RefreshMatviewBlocking(),
                new TriggerDdl(),
                new RlsToggle(),
                new ExplicitLockTable(),
                new DetachPartitionBlocking(),
                new AttachPartitionScan(),
                new PartitionOfLocksParent(),
                new EnumAddValueInTransaction(),
                new DomainConstraint());
    }
}
