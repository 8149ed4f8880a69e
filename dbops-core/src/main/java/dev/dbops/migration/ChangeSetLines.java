package dev.dbops.migration;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds changesets in the text of one Liquibase changelog file, because Liquibase's parsed changesets
 * carry no line numbers. Searches go forward from the previous match, so changesets that share an id
 * are found in file order.
 */
final class ChangeSetLines {

    private static final Pattern CHANGESET = Pattern.compile(
            "^\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_CHANGESET = Pattern.compile("^\\s*--\\s*changeset\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORE_LINES = Pattern.compile("^\\s*--\\s*ignoreLines:(\\w+).*", Pattern.CASE_INSENSITIVE);

    private final String path;
    private final List<String> lines;
    private int cursor;

    ChangeSetLines(String path, String text) {
        this.path = path;
        this.lines = List.of(text.split("\n", -1));
    }

    /** The 1-based line of the {@code --changeset author:id} line of a formatted SQL changelog. */
    OptionalInt formattedChangeSet(String author, String id) {
        return find(line -> {
            Matcher m = CHANGESET.matcher(line);
            return m.matches() && unquote(m.group(1)).equals(author) && unquote(m.group(2)).equals(id);
        });
    }

    /**
     * The SQL of the formatted SQL changeset whose {@code --changeset} line is given: every line up to the
     * next changeset, as written, so that its lines keep their numbers. Liquibase's own directives
     * ({@code --rollback}, {@code --comment}, {@code --precondition…}) are comments and stay; lines that
     * {@code --ignoreLines} hides from Liquibase are blanked.
     */
    String formattedBody(int changeSetLine) {
        StringBuilder body = new StringBuilder();
        int hidden = 0;
        boolean hiding = false;
        for (int i = changeSetLine; i < lines.size() && !ANY_CHANGESET.matcher(lines.get(i)).matches(); i++) {
            String line = lines.get(i);
            Matcher ignore = IGNORE_LINES.matcher(line);
            boolean blank = hiding || hidden > 0;
            hidden = Math.max(0, hidden - 1);
            if (ignore.matches()) {
                String value = ignore.group(1).toLowerCase(Locale.ROOT);
                hiding = value.equals("start") || (hiding && !value.equals("end"));
                hidden = value.chars().allMatch(Character::isDigit) ? Integer.parseInt(value) : hidden;
                blank = false;
            }
            body.append(i > changeSetLine ? "\n" : "").append(blank ? "" : line);
        }
        return body.toString();
    }

    /** The 1-based line where a changeset with this id is declared in an XML, YAML or JSON changelog. */
    OptionalInt declaredChangeSet(String id) {
        String quoted = Pattern.quote(id);
        String lowerPath = path.toLowerCase(Locale.ROOT);
        Pattern pattern;
        if (lowerPath.endsWith(".xml")) {
            pattern = Pattern.compile("(?<![\\w.:-])id\\s*=\\s*([\"'])" + quoted + "\\1");
        } else if (lowerPath.endsWith(".json")) {
            pattern = Pattern.compile("\"id\"\\s*:\\s*\"?" + quoted + "(\"|\\s*[,}\\n]|\\s*$)");
        } else {
            pattern = Pattern.compile("^\\s*(-\\s+)?id\\s*:\\s*([\"']?)" + quoted + "\\2\\s*(#.*)?$");
        }
        return find(line -> pattern.matcher(line).find());
    }

    private OptionalInt find(Predicate<String> matches) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = pass == 0 ? cursor : 0; i < lines.size(); i++) {
                if (matches.test(lines.get(i))) {
                    cursor = i + 1;
                    return OptionalInt.of(i + 1);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static String unquote(String value) {
        String stripped = value.strip();
        return stripped.length() > 1 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }
}
