package dev.dbops.sql;

/** Renders identifiers for messages and fixes, quoting only where PostgreSQL would need quotes. */
final class SqlNames {

    private SqlNames() {
    }

    static String quoteIfNeeded(String identifier) {
        if (isPlain(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static boolean isPlain(String identifier) {
        if (identifier.isEmpty() || Keywords.isReserved(identifier)) {
            return false;
        }
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return false;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '$') {
                return false;
            }
        }
        return true;
    }
}
