package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the splitter broken and random SQL: it must never throw, and what it returns must always be
 * consistent with the input. And its time must grow linearly with the input.
 */
class SqlScriptFuzzTest {

    private static final int INPUTS = 100_000;
    private static final String[] FRAGMENTS = {
        "'", "\"", "$", "$$", "$a$", "$ab$", "$1", ";", ";", "(", ")", "/*", "*/", "--", "\n", "\r", "\r\n", " ",
        "E'", "e'\\'", "U&'", "U&\"", "u&", "B'", "X'", "N'", "\\", "\\'", "''", "\"\"", "begin atomic ", "BEGIN ",
        " END", " end;", " case ", "create function f() ", "create or replace procedure p() ", ".", " as ", "::",
        ":=", "+-", "=-", "@-", "*/*", "0x", "0x_1F", "1_", "1.", "..", ".5e3", "\uFEFF", "\u000B", "\f", "\uD83D",
        "\uDE00", "\u0000", "'a'\n'b'", "E'x'\n'\\''", "-- c\n", "select ", "x", "ü", "$ü$", "[", "]", "{", ",",
    };

    @Test
    @Timeout(60)
    void keepsItsInvariantsOnAHundredThousandMutatedAndRandomInputs() throws IOException {
        List<String> seeds = seeds();
        Random random = new Random(20_240_611L);

        for (int i = 0; i < INPUTS; i++) {
            String input = i % 4 == 3 ? tokenSoup(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            checkInvariants(i, input);
        }
    }

    @Test
    @Timeout(60)
    void takesTimeLinearInTheInputSize() {
        // Shapes that a careless lexer rescans: long operator runs whose trailing +/- are handed back, a
        // dollar body full of near-miss tags, continued strings, nested comments, open parentheses...
        String[][] shapes = {
            {"", "+-"}, {"", "+-/**/"}, {"", "select 1; "}, {"$a$", "$ab$x$a "}, {"", "'a'\n-- c\n"},
            {"", "/*"}, {"", "("}, {"E'", "\\'"}, {"", "$abc "}, {"", "'a' "}, {"", "a$b$c "}, {"", "0x_ "},
            {"create function f() begin atomic ", "select case when 1 then 2 end; "},
        };
        int size = 32_000;
        for (String[] shape : shapes) {
            SqlScript.parse(shape[0] + shape[1].repeat(8 * size / shape[1].length()));
        }
        for (String[] shape : shapes) {
            String small = shape[0] + shape[1].repeat(size / shape[1].length());
            String large = shape[0] + shape[1].repeat(8 * size / shape[1].length());
            // A busy machine can spoil one measurement; a quadratic lexer fails all three.
            double ratio = Double.MAX_VALUE;
            for (int attempt = 0; attempt < 3 && ratio >= 20.0; attempt++) {
                ratio = Math.min(ratio, (double) fastestParse(large) / Math.max(fastestParse(small), 1));
            }

            assertThat(ratio).as("time for 8x the input of shape %s: linear is about 8, quadratic 64",
                    Arrays.toString(shape)).isLessThan(20.0);
        }
    }

    /**
     * The fastest of several parses after a warm-up, in this thread's CPU time, so that other processes
     * on a busy machine do not count, starting from a collected heap, so that the garbage of earlier
     * tests does not either.
     */
    private static long fastestParse(String input) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long fastest = Long.MAX_VALUE;
        System.gc();
        for (int run = 0; run < 12; run++) {
            long start = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            SqlScript.parse(input);
            long elapsed = (cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
            if (run >= 3) {
                fastest = Math.min(fastest, elapsed);
            }
        }
        return fastest;
    }

    private static void checkInvariants(int number, String input) {
        try {
            SqlScript script = SqlScript.parse(input);
            List<Token> tokens = SqlLexer.tokenize(input);
            LineTable lines = new LineTable(input);
            checkTokens(input, tokens, lines);
            checkStatements(input, script, tokens, lines);
            check(script.comments().equals(tokens.stream().filter(t -> t.kind() == TokenKind.COMMENT).toList()),
                    "the script's comments are the lexer's", script.comments());
            for (SqlDiagnostic diagnostic : script.diagnostics()) {
                check(diagnostic.position().equals(lines.position(diagnostic.position().offset())),
                        "the diagnostic's position is right", diagnostic);
            }
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("input #" + number + " broke an invariant: " + e + "\n--- input (Java escaped) ---\n"
                    + escape(input), e);
        }
    }

    /** Tokens are exact, ordered slices, and only whitespace lies between them. */
    private static void checkTokens(String input, List<Token> tokens, LineTable lines) {
        int previousEnd = input.startsWith("\uFEFF") ? 1 : 0;
        for (Token token : tokens) {
            check(token.start() >= previousEnd && isWhitespace(input, previousEnd, token.start()),
                    "only whitespace before", token);
            check(!token.text().isEmpty() && input.regionMatches(token.start(), token.text(), 0, token.text().length()),
                    "the text is the source slice", token);
            check(lines.isAt(token.start(), token.line(), token.column()), "the position is right", token);
            check(token.value() != null, "a value", token);
            previousEnd = token.end();
        }
        check(isWhitespace(input, previousEnd, input.length()), "only whitespace after the last token", previousEnd);
    }

    /** Statements are ordered, non-overlapping source slices; with the splitting semicolons they hold every non-comment token. */
    private static void checkStatements(String input, SqlScript script, List<Token> tokens, LineTable lines) {
        List<Token> code = tokens.stream().filter(t -> t.kind() != TokenKind.COMMENT).toList();
        int next = 0;
        int previousEnd = 0;
        int index = 0;
        for (SqlStatement statement : script.statements()) {
            while (code.get(next).isPunctuation(";")) {
                next++;
            }
            List<Token> own = statement.tokens();
            check(statement.index() == index++, "statements are numbered in order", statement);
            check(!own.isEmpty() && own.equals(code.subList(next, next + own.size())),
                    "the tokens are the next run of the script's tokens", statement);
            next += own.size();
            SourcePosition start = statement.start();
            SourcePosition end = statement.end();
            check(start.offset() >= previousEnd && start.offset() == own.get(0).start()
                    && end.offset() == own.get(own.size() - 1).end(), "the span is from first to last token", statement);
            check(statement.text().equals(input.substring(start.offset(), end.offset())), "the text is the slice", statement);
            check(start.equals(lines.position(start.offset())) && end.equals(lines.position(end.offset())),
                    "the positions are right", statement);
            check(script.comments().containsAll(statement.comments()), "its comments are the script's", statement);
            previousEnd = end.offset();
        }
        for (Token rest : code.subList(next, code.size())) {
            check(rest.isPunctuation(";"), "only semicolons after the last statement", rest);
        }
    }

    private static boolean isWhitespace(String input, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!SqlLexer.isSpace(input.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void check(boolean holds, String invariant, Object subject) {
        if (!holds) {
            throw new AssertionError("expected that " + invariant + ": " + subject);
        }
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 2 -> text.insert(random.nextInt(text.length() + 1),
                        text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(40))));
                case 3 -> text.setLength(at);
                case 4 -> text.setCharAt(at, "'\"$;()/*-\\E\n".charAt(random.nextInt(12)));
                default -> text.insert(at, (char) random.nextInt(0x10000));
            }
        }
        return text.toString();
    }

    private static String tokenSoup(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(60);
        for (int p = 0; p < pieces; p++) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/sql-corpus"))) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        seeds.add("create function f() returns int language sql begin atomic select case when t.end then 1 end; end;");
        seeds.add("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); UPDATE u SET x = 2);");
        seeds.add("select E'a\\';b', $x$ $y$; $x$, \"q;\"\"i\", U&'\\0041' /* /* ; */ */ -- ;\n;");
        return seeds;
    }

    private static String escape(String input) {
        StringBuilder out = new StringBuilder();
        for (char c : input.toCharArray()) {
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** Line starts found independently of the code under test, to check its positions. */
    private static final class LineTable {
        private final int[] starts;

        LineTable(String text) {
            int[] found = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (c == '\n' || c == '\r' && !crlf) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            starts = Arrays.copyOf(found, count);
        }

        private int lineIndex(int offset) {
            int found = Arrays.binarySearch(starts, offset);
            return found >= 0 ? found : -found - 2;
        }

        boolean isAt(int offset, int line, int column) {
            int index = lineIndex(offset);
            return line == index + 1 && column == offset - starts[index] + 1;
        }

        SourcePosition position(int offset) {
            int index = lineIndex(offset);
            return new SourcePosition(offset, index + 1, offset - starts[index] + 1);
        }
    }
}
