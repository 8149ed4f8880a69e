package dev.dbops.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the planner knows about column types: which changes need no rewrite, which defaults are volatile. */
final class PlanColumnTypes {

    private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");
    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+)(?:,(\\d+))?\\))?");
    private static final Pattern BIT_VARYING = Pattern.compile("bit varying(?:\\((\\d+)\\))?");
    private static final List<String> VOLATILE = List.of("nextval(", "random(", "clock_timestamp(",
            "gen_random_uuid(", "uuid_generate_", "timeofday(", "txid_current(");

    private PlanColumnTypes() {
    }

    /**
     * Whether PostgreSQL changes the column type without rewriting the table: varchar(n) to a
     * longer or unbounded varchar or text, text to unbounded varchar, numeric(p,s) to a larger
     * precision with the same scale or to unbounded numeric, bit varying(n) to longer, cidr to inet.
     */
    static boolean binaryCoercible(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Matcher a = VARCHAR.matcher(from);
        if (a.matches()) {
            if (to.equals("text")) {
                return true;
            }
            Matcher b = VARCHAR.matcher(to);
            return b.matches() && (b.group(1) == null || (a.group(1) != null
                    && Integer.parseInt(b.group(1)) >= Integer.parseInt(a.group(1))));
        }
        if (from.equals("text")) {
            return to.equals("character varying");
        }
        Matcher n = NUMERIC.matcher(from.replace(" ", ""));
        Matcher m = NUMERIC.matcher(to.replace(" ", ""));
        if (n.matches() && m.matches()) {
            if (m.group(1) == null) {
                return true;
            }
            if (n.group(1) == null) {
                return false;
            }
            String fromScale = n.group(2) == null ? "0" : n.group(2);
            String toScale = m.group(2) == null ? "0" : m.group(2);
            return fromScale.equals(toScale) && Integer.parseInt(m.group(1)) >= Integer.parseInt(n.group(1));
        }
        Matcher bits = BIT_VARYING.matcher(from);
        Matcher bitsTo = BIT_VARYING.matcher(to);
        if (bits.matches() && bitsTo.matches()) {
            return bitsTo.group(1) == null || (bits.group(1) != null
                    && Integer.parseInt(bitsTo.group(1)) >= Integer.parseInt(bits.group(1)));
        }
        return from.equals("cidr") && to.equals("inet");
    }

    /** Whether a default expression calls a well-known volatile function, so ADD COLUMN must rewrite. */
    static boolean volatileDefault(String expression) {
        for (String call : VOLATILE) {
            if (expression.contains(call)) {
                return true;
            }
        }
        return false;
    }
}
