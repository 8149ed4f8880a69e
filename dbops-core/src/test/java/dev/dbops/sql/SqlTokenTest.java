package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTokenTest {

    static Token only(String sql) {
        return SqlLexer.tokenize(sql).get(0);
    }

    @Test
    void foldsUnquotedWordsToLowerCaseOnlyForAsciiLetters() {
        assertThat(only("CreATE").value()).isEqualTo("create");
        assertThat(only("ÄBC").value()).as("PostgreSQL folds only A-Z in UTF-8").isEqualTo("Äbc");
        assertThat(only("INDEX").value()).isEqualTo("index");
    }

    @Test
    void matchesWordsWithoutRegardToCaseButNeverQuotedIdentifiers() {
        assertThat(only("CREATE").is("create")).isTrue();
        assertThat(only("create").is("CREATE")).isTrue();
        assertThat(only("created").is("create")).isFalse();
        assertThat(only("\"create\"").is("create")).isFalse();
        assertThat(only("'create'").is("create")).isFalse();
        assertThat(only("ı").is("i")).as("no Unicode case folding").isFalse();
    }

    @Test
    void matchesPunctuationByExactText() {
        assertThat(only("::").isPunctuation("::")).isTrue();
        assertThat(only("::").isPunctuation(":")).isFalse();
        assertThat(only("+").isPunctuation("+")).as("+ is an operator").isFalse();
    }

    @Test
    void unescapesDoubledQuotesInQuotedIdentifiersAndKeepsTheirCase() {
        assertThat(only("\"My \"\"Table\"\"\"").value()).isEqualTo("My \"Table\"");
        assertThat(only("U&\"d\\0061t\\+000061\"").value()).isEqualTo("data");
        assertThat(only("\"open").value()).isEqualTo("open");
    }

    @Test
    void decodesStandardStringsWithLiteralBackslashes() {
        assertThat(only("'it''s'").value()).isEqualTo("it's");
        assertThat(only("'a\\nb'").value()).isEqualTo("a\\nb");
        assertThat(only("N'x'").value()).isEqualTo("x");
        assertThat(only("'a'\n'b' -- c\n  'c'").value()).isEqualTo("abc");
    }

    @Test
    void decodesBackslashEscapesInEscapeStrings() {
        assertThat(only("E'\\n\\t\\b\\f\\r\\\\\\'\\q'''").value()).isEqualTo("\n\t\b\f\r\\'q'");
        assertThat(only("E'\\101\\x41\\x4\\u00e9\\U0001F600'").value()).isEqualTo("AA\u0004é\uD83D\uDE00");
        assertThat(only("E'\\303\\251\\xC3\\xA9'").value()).as("byte escapes read as UTF-8").isEqualTo("éé");
        assertThat(only("E'a'\n'\\n'").value()).as("continued in escape mode").isEqualTo("a\n");
        assertThat(only("E'\\uZZ'").value()).isEqualTo("uZZ");
    }

    @Test
    void decodesUnicodeEscapeStrings() {
        assertThat(only("U&'\\0041\\+01F600\\\\x'").value()).isEqualTo("A\uD83D\uDE00\\x");
        assertThat(only("u&'\\D83D\\DE00'").value()).isEqualTo("\uD83D\uDE00");
        assertThat(only("U&'\\zz'").value()).isEqualTo("\\zz");
    }

    @Test
    void keepsDollarQuotedBodiesVerbatim() {
        assertThat(only("$$a'b\\n$$").value()).isEqualTo("a'b\\n");
        assertThat(only("$fn$ $$x$$ $fn$").value()).isEqualTo(" $$x$$ ");
        assertThat(only("$fn$ open").value()).isEqualTo(" open");
        assertThat(only("$$$$").value()).isEmpty();
    }

    @Test
    void givesBitStringsAsTheirDigits() {
        assertThat(only("B'1010'").value()).isEqualTo("1010");
        assertThat(only("x'1F'").value()).isEqualTo("1F");
    }

    @Test
    void givesTheTextAsValueForOtherKinds() {
        assertThat(only("1_000").value()).isEqualTo("1_000");
        assertThat(only("$1").value()).isEqualTo("$1");
        assertThat(only("-- Note").value()).isEqualTo("-- Note");
    }

    @Test
    void decodesHandMadeTokensWithoutThrowing() {
        assertThat(new Token(TokenKind.STRING, "abc", 0, 3, 1, 1).value()).isEqualTo("abc");
        assertThat(new Token(TokenKind.STRING, "E", 0, 1, 1, 1).value()).isEqualTo("E");
        assertThat(new Token(TokenKind.STRING, "", 0, 0, 1, 1).value()).isEmpty();
        assertThat(new Token(TokenKind.STRING, "$", 0, 1, 1, 1).value()).isEqualTo("$");
        assertThat(new Token(TokenKind.QUOTED_IDENTIFIER, "U&", 0, 2, 1, 1).value()).isEqualTo("U&");
    }

    @Test
    void rejectsATokenWhoseOffsetsDoNotSpanItsText() {
        assertThatThrownBy(() -> new Token(TokenKind.WORD, "abc", 0, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end - start == text.length()");
        assertThatThrownBy(() -> new Token(TokenKind.WORD, "a", 0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourcePosition(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsAPositionAsLineColonColumn() {
        assertThat(new SourcePosition(10, 3, 7)).hasToString("3:7");
    }
}
