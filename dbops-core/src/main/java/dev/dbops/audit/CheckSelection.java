package dev.dbops.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns the names given to {@code only}/{@code skip} — check ids or category names — into checks. */
final class CheckSelection {

    private CheckSelection() {
    }

    /** The checks the names stand for; each unknown name adds a problem naming what is accepted. */
    static Set<AuditCheck> resolve(Set<String> names, String option, List<String> problems) {
        Set<AuditCheck> checks = EnumSet.noneOf(AuditCheck.class);
        for (String name : names) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            Optional<AuditCheck> check = AuditCheck.byId(key);
            Optional<AuditCategory> category = Arrays.stream(AuditCategory.values())
                    .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
            if (check.isPresent()) {
                checks.add(check.get());
            } else if (category.isPresent()) {
                Arrays.stream(AuditCheck.values()).filter(c -> c.category() == category.get()).forEach(checks::add);
            } else {
                problems.add(option + ": '" + name + "' is neither a check id nor a category (indexes, tables,"
                        + " wraparound, sessions, replication, queries); checks: " + knownIds());
            }
        }
        return checks;
    }

    private static String knownIds() {
        List<String> ids = new ArrayList<>();
        for (AuditCheck check : AuditCheck.values()) {
            ids.add(check.id());
        }
        return String.join(", ", ids);
    }
}
