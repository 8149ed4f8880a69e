package dev.dbops.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads PostgreSQL's text form of {@code aclitem} ({@code grantee=privileges/grantor}) into
 * {@link Grant}s. Parsing the text form keeps each catalog query to one row per object instead of
 * one row per privilege.
 */
final class AclItems {

    private static final Map<Character, String> PRIVILEGES = Map.ofEntries(
            Map.entry('r', "SELECT"),
            Map.entry('w', "UPDATE"),
            Map.entry('a', "INSERT"),
            Map.entry('d', "DELETE"),
            Map.entry('D', "TRUNCATE"),
            Map.entry('x', "REFERENCES"),
            Map.entry('t', "TRIGGER"),
            Map.entry('X', "EXECUTE"),
            Map.entry('U', "USAGE"),
            Map.entry('C', "CREATE"),
            Map.entry('c', "CONNECT"),
            Map.entry('T', "TEMPORARY"),
            Map.entry('s', "SET"),
            Map.entry('A', "ALTER SYSTEM"),
            Map.entry('m', "MAINTAIN"));

    private AclItems() {
    }

    /** Parses every item of an ACL array; an empty array gives no grants. */
    static List<Grant> parse(List<String> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Grant> grants = new ArrayList<>();
        for (String item : items) {
            parseItem(item, grants);
        }
        return grants;
    }

    private static void parseItem(String item, List<Grant> out) {
        int[] position = {0};
        String grantee = readRoleName(item, position);
        if (position[0] >= item.length() || item.charAt(position[0]) != '=') {
            throw new IllegalArgumentException("malformed aclitem: " + item);
        }
        position[0]++;
        String name = grantee.isEmpty() ? Grant.PUBLIC : grantee;
        int i = position[0];
        while (i < item.length() && item.charAt(i) != '/') {
            char letter = item.charAt(i);
            String privilege = PRIVILEGES.get(letter);
            if (privilege == null) {
                throw new IllegalArgumentException("unknown privilege '" + letter + "' in aclitem: " + item);
            }
            boolean grantable = i + 1 < item.length() && item.charAt(i + 1) == '*';
            out.add(new Grant(name, privilege, grantable));
            i += grantable ? 2 : 1;
        }
    }

    /** Reads a role name, unquoting PostgreSQL's double-quoted form, and advances past it. */
    private static String readRoleName(String item, int[] position) {
        StringBuilder name = new StringBuilder();
        int i = position[0];
        boolean quoted = false;
        while (i < item.length()) {
            char ch = item.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < item.length() && item.charAt(i + 1) == '"') {
                    name.append('"');
                    i += 2;
                    continue;
                }
                quoted = !quoted;
                i++;
                continue;
            }
            if (!quoted && (ch == '=' || ch == '/')) {
                break;
            }
            name.append(ch);
            i++;
        }
        position[0] = i;
        return name.toString();
    }
}
