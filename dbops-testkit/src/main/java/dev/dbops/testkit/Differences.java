package dev.dbops.testkit;

import dev.dbops.diff.Difference;
import java.util.List;

/** Renders schema differences for failure messages, naming the two sides in the words of the assertion. */
final class Differences {

    private Differences() {
    }

    /**
     * One line per difference, each indented by two spaces: {@code column public.users.email: only in the
     * migrations}, {@code column public.users.name differs: type varchar(100) (snapshot) → text (migrations)}.
     *
     * @param from what the first schema of the comparison is, e.g. {@code snapshot}
     * @param to what the second is, e.g. {@code migrations}
     */
    static String list(List<Difference> differences, String from, String to) {
        StringBuilder out = new StringBuilder();
        for (Difference difference : differences) {
            out.append("  ").append(difference.kind().label()).append(' ').append(difference.object());
            switch (difference.change()) {
                case ADDED -> out.append(": only in the ").append(to);
                case REMOVED -> out.append(": only in the ").append(from);
                case CHANGED -> {
                    out.append(" differs: ");
                    for (int i = 0; i < difference.fields().size(); i++) {
                        Difference.FieldChange field = difference.fields().get(i);
                        out.append(i == 0 ? "" : "; ").append(field.field()).append(' ').append(field.from())
                                .append(" (").append(from).append(") → ").append(field.to()).append(" (").append(to)
                                .append(')');
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code 1 object differs} or {@code 3 objects differ}. */
    static String count(List<Difference> differences) {
        return differences.size() == 1 ? "1 object differs" : differences.size() + " objects differ";
    }
}
