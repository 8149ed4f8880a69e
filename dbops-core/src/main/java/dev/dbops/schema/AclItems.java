package dev.dbops.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's text form of {@code aclitem} ({@code grantee=privileges/grantor}) into
 * {@link Grant}s. Parsing the text form keeps each catalog query to one row per object instead of
 * one row per privilege.
 */
final class AclItems {

    /** Every privilege keyword, in the order {@link Grant} sorts them, so that one item's grants come out sorted. */
    private static final String[] NAMES = {"ALTER SYSTEM", "CONNECT", "CREATE", "DELETE", "EXECUTE", "INSERT",
        "MAINTAIN", "REFERENCES", "SELECT", "SET", "TEMPORARY", "TRIGGER", "TRUNCATE", "UPDATE", "USAGE"};

    private AclItems() {
    }

    /** The position in {@link #NAMES} of a privilege letter of {@code aclitem}, or -1. */
    private static int rank(char letter) {
        return switch (letter) {
            case 'A' -> 0;
            case 'c' -> 1;
            case 'C' -> 2;
            case 'd' -> 3;
            case 'X' -> 4;
            case 'a' -> 5;
            case 'm' -> 6;
            case 'x' -> 7;
            case 'r' -> 8;
            case 's' -> 9;
            case 'T' -> 10;
            case 't' -> 11;
            case 'D' -> 12;
            case 'w' -> 13;
            case 'U' -> 14;
            default -> -1;
        };
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
        // 0 = not held, 1 = held, 2 = held WITH GRANT OPTION; by rank, so the grants come out in order.
        byte[] held = new byte[NAMES.length];
        int i = position[0];
        while (i < item.length() && item.charAt(i) != '/') {
            char letter = item.charAt(i);
            int rank = rank(letter);
            if (rank < 0) {
                throw new IllegalArgumentException("unknown privilege '" + letter + "' in aclitem: " + item);
            }
            boolean grantable = i + 1 < item.length() && item.charAt(i + 1) == '*';
            held[rank] = (byte) (grantable ? 2 : 1);
            i += grantable ? 2 : 1;
        }
        for (int rank = 0; rank < held.length; rank++) {
            if (held[rank] != 0) {
                out.add(new Grant(name, NAMES[rank], held[rank] == 2));
            }
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
