package dev.dbops.migration;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns plain SQL files into migrations, in natural order of their paths: digit runs compare as numbers,
 * so {@code 2_b.sql} comes before {@code 10_a.sql}.
 */
final class PlainScripts {

    /** Natural order: runs of digits by value, everything else character by character. */
    static final Comparator<String> NATURAL = PlainScripts::compareNaturally;

    private final Placeholders placeholders;
    private final TransactionMode mode;

    /**
     * Plain files get only the placeholders the user gave; other {@code ${…}} text is left as it is,
     * without a problem, since no tool would stop at it.
     */
    PlainScripts(Map<String, String> placeholders, TransactionMode mode) {
        this.placeholders = new Placeholders(placeholders);
        this.mode = mode;
    }

    List<Migration> load(List<ScriptResource> files, List<MigrationProblem> problems) {
        List<ScriptResource> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ScriptResource::relativePath, NATURAL));
        List<Migration> migrations = new ArrayList<>();
        for (ScriptResource file : sorted) {
            String text;
            try {
                text = TextFiles.decode(file.content().read(), StandardCharsets.UTF_8, file.location(), problems);
            } catch (IOException e) {
                problems.add(MigrationProblem.of(file.location(), "cannot read: " + ScriptScanner.describe(e)
                        + "; the file was not checked"));
                continue;
            }
            String name = file.fileName();
            String description = FlywayName.isSqlFile(name) ? name.substring(0, name.length() - FlywayName.SUFFIX.length()) : name;
            migrations.add(new Migration(file.location(), MigrationKind.PLAIN_SQL, Optional.empty(), description,
                    file.relativePath(), file.location(), 1, true, placeholders.replace(text).text(), mode,
                    Optional.empty()));
        }
        return migrations;
    }

    private static int compareNaturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int order = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
                if (order != 0) {
                    return order;
                }
                i = endA;
                j = endB;
            } else {
                int order = Character.compare(a.charAt(i), b.charAt(j));
                if (order != 0) {
                    return order;
                }
                i++;
                j++;
            }
        }
        int order = Integer.compare(a.length() - i, b.length() - j);
        return order != 0 ? order : a.compareTo(b);
    }

    private static int digitsEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
