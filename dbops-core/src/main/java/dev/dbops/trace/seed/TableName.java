package dev.dbops.trace.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the table names given to {@link DataSeeder.Builder}: {@code schema.table}, a bare
 * {@code table} (in {@code public}), or with double-quoted parts for names that hold dots, quotes
 * or upper case: {@code "Sales"."Order.Lines"}. Unquoted parts are taken as written, not folded.
 */
final class TableName {

    private TableName() {
    }

    /** The name as {@code schema.table}, unquoted, or empty when it cannot be read. */
    static Optional<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String trimmed = text.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '"' && part.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted || c == '"') {
                return Optional.empty();
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? "public." + parts.get(0) : parts.get(0) + "." + parts.get(1));
    }
}
