package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    /** The tokens as {@code KIND text} strings, for compact expectations. */
    static List<String> lex(String sql) {
        return SqlLexer.tokenize(sql).stream().map(t -> t.kind() + " " + t.text()).toList();
    }

    @Test
    void splitsASimpleStatementIntoWordsNumbersAndPunctuation() {
        assertThat(lex("SELECT a, 42 FROM t;")).containsExactly(
                "WORD SELECT", "WORD a", "PUNCTUATION ,", "NUMBER 42", "WORD FROM", "WORD t", "PUNCTUATION ;");
    }

    @Test
    void givesEveryTokenItsOffsetsLineAndColumn() {
        List<Token> tokens = SqlLexer.tokenize("select\n  x,\r\n\ty\r z");

        assertThat(tokens).extracting(Token::text, Token::start, Token::end, Token::line, Token::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("select", 0, 6, 1, 1),
                        org.assertj.core.groups.Tuple.tuple("x", 9, 10, 2, 3),
                        org.assertj.core.groups.Tuple.tuple(",", 10, 11, 2, 4),
                        org.assertj.core.groups.Tuple.tuple("y", 14, 15, 3, 2),
                        org.assertj.core.groups.Tuple.tuple("z", 17, 18, 4, 2));
    }

    @Test
    void countsColumnsInUtf16CharsAndSkipsALeadingByteOrderMark() {
        List<Token> tokens = SqlLexer.tokenize("\uFEFFselect '\uD83D\uDE00' x");

        assertThat(tokens.get(0).start()).isEqualTo(1);
        assertThat(tokens.get(2).column()).as("the mark and the emoji's two chars count").isEqualTo(14);
    }

    @Test
    void keepsDollarSignsInsideIdentifiersAndLexesParameters() {
        assertThat(lex("a$b $1 $23x x$$y$$")).containsExactly(
                "WORD a$b", "PARAMETER $1", "PARAMETER $23", "WORD x", "WORD x$$y$$");
    }

    @Test
    void treatsNonAsciiLettersAsIdentifierCharacters() {
        assertThat(lex("Größe_ÄÖ x\u00A0y")).containsExactly("WORD Größe_ÄÖ", "WORD x\u00A0y");
    }

    @Test
    void keepsSemicolonsInsideStandardStringsWithDoubledQuotes() {
        assertThat(lex("'it''s; fine' 'a\\'")).containsExactly("STRING 'it''s; fine'", "STRING 'a\\'");
    }

    @Test
    void keepsSemicolonsInsideEscapeStringsWhereBackslashQuoteDoesNotEndThem() {
        assertThat(lex("E'a\\';b\\\\' e'\\\\' x")).containsExactly(
                "STRING E'a\\';b\\\\'", "STRING e'\\\\'", "WORD x");
    }

    @Test
    void lexesPrefixedStringsOnlyWhenThePrefixIsAWholeWord() {
        assertThat(lex("N'n' B'101' X'1F' U&'\\0041' xe'1' u & 'x'")).containsExactly(
                "STRING N'n'", "STRING B'101'", "STRING X'1F'", "STRING U&'\\0041'",
                "WORD xe", "STRING '1'", "WORD u", "OPERATOR &", "STRING 'x'");
    }

    @Test
    void endsBitStringsAtTheFirstQuoteBecauseTheyHaveNoDoubling() {
        assertThat(lex("B'10''01'")).containsExactly("STRING B'10'", "STRING '01'");
    }

    @Test
    void joinsStringSegmentsSeparatedByANewlineIntoOneConstant() {
        assertThat(lex("'a'\n  'b' 'c'")).containsExactly("STRING 'a'\n  'b'", "STRING 'c'");
        assertThat(lex("'a' -- note\n'b'")).containsExactly("STRING 'a' -- note\n'b'");
    }

    @Test
    void continuesAnEscapeStringInEscapeModeAcrossANewline() {
        assertThat(lex("E'a'\n'\\';' ;")).containsExactly("STRING E'a'\n'\\';'", "PUNCTUATION ;");
    }

    @Test
    void keepsSemicolonsInsideDollarQuotedBodies() {
        assertThat(lex("$$a; b$$ $fn$ x; $$inner$$; $other$ $fn$;")).containsExactly(
                "STRING $$a; b$$", "STRING $fn$ x; $$inner$$; $other$ $fn$", "PUNCTUATION ;");
    }

    @Test
    void endsADollarQuoteOnlyAtTheSameTagEvenWhenATagOverlapsIt() {
        assertThat(lex("$a$ $ab$ $a$ x")).containsExactly("STRING $a$ $ab$ $a$", "WORD x");
        assertThat(lex("$b$x$ab$b$")).containsExactly("STRING $b$x$ab$b$");
    }

    @Test
    void lexesALoneDollarThatStartsNoQuoteAsPunctuation() {
        assertThat(lex("$ $abc ${x}")).containsExactly(
                "PUNCTUATION $", "PUNCTUATION $", "WORD abc", "PUNCTUATION $", "PUNCTUATION {", "WORD x",
                "PUNCTUATION }");
    }

    @Test
    void keepsSemicolonsInsideQuotedIdentifiers() {
        assertThat(lex("\"a;\"\"b\" U&\"x;\" \"\"")).containsExactly(
                "QUOTED_IDENTIFIER \"a;\"\"b\"", "QUOTED_IDENTIFIER U&\"x;\"", "QUOTED_IDENTIFIER \"\"");
    }

    @Test
    void nestsBlockCommentsAndEndsLineCommentsBeforeTheLineBreak() {
        assertThat(lex("/* a /* ; */ b; */ x -- y; 'z\r\nw")).containsExactly(
                "COMMENT /* a /* ; */ b; */", "WORD x", "COMMENT -- y; 'z", "WORD w");
        assertThat(lex("/*/ still comment */x")).containsExactly("COMMENT /*/ still comment */", "WORD x");
        assertThat(lex("/**/x")).containsExactly("COMMENT /**/", "WORD x");
    }

    @Test
    void lexesNumbersAsPostgresql16Does() {
        assertThat(lex("42 1.5 1. .5 1.5e3 1e-3 2E+10 0x1F 0X_ff 0o17 0b1_01 1_000_000 3.141_59"))
                .allMatch(s -> s.startsWith("NUMBER "))
                .hasSize(13);
        assertThat(lex("1..10")).containsExactly("NUMBER 1", "PUNCTUATION ..", "NUMBER 10");
        assertThat(lex("a.1")).containsExactly("WORD a", "NUMBER .1");
        assertThat(lex("1_ 1__0 1e 0x")).containsExactly(
                "NUMBER 1", "WORD _", "NUMBER 1", "WORD __0", "NUMBER 1", "WORD e", "NUMBER 0", "WORD x");
    }

    @Test
    void lexesTypecastsColonsAndDotsAsPunctuation() {
        assertThat(lex("a::int[1:2] t.c x := 1")).containsExactly(
                "WORD a", "PUNCTUATION ::", "WORD int", "PUNCTUATION [", "NUMBER 1", "PUNCTUATION :", "NUMBER 2",
                "PUNCTUATION ]", "WORD t", "PUNCTUATION .", "WORD c", "WORD x", "OPERATOR :=", "NUMBER 1");
    }

    @Test
    void takesTheLongestOperatorRun() {
        assertThat(lex("a<=b <> c !=d >>= e ||f @>g ->>h")).filteredOn(s -> s.startsWith("OPERATOR"))
                .containsExactly("OPERATOR <=", "OPERATOR <>", "OPERATOR !=", "OPERATOR >>=", "OPERATOR ||",
                        "OPERATOR @>", "OPERATOR ->>");
    }

    @Test
    void dropsTrailingPlusAndMinusFromOperatorsWithoutAnUnusualCharacter() {
        assertThat(lex("a=-1")).containsExactly("WORD a", "OPERATOR =", "OPERATOR -", "NUMBER 1");
        assertThat(lex("a*-+1")).containsExactly("WORD a", "OPERATOR *", "OPERATOR -", "OPERATOR +", "NUMBER 1");
        assertThat(lex("a@-1 b?-c d%+e")).containsExactly(
                "WORD a", "OPERATOR @-", "NUMBER 1", "WORD b", "OPERATOR ?-", "WORD c", "WORD d", "OPERATOR %+",
                "WORD e");
        assertThat(lex("+-+-")).containsExactly("OPERATOR +", "OPERATOR -", "OPERATOR +", "OPERATOR -");
    }

    @Test
    void startsACommentInsideAnOperatorRun() {
        assertThat(lex("a+--b;\nc")).containsExactly("WORD a", "OPERATOR +", "COMMENT --b;", "WORD c");
        assertThat(lex("a*/*x;*/b")).containsExactly("WORD a", "OPERATOR *", "COMMENT /*x;*/", "WORD b");
        assertThat(lex("a<@/**/>b")).containsExactly("WORD a", "OPERATOR <@", "COMMENT /**/", "OPERATOR >", "WORD b");
    }

    @Test
    void lexesUnknownCharactersAsSingleCharacterPunctuation() {
        assertThat(lex("a \\ b \u0000")).containsExactly("WORD a", "PUNCTUATION \\", "WORD b", "PUNCTUATION \u0000");
    }

    @Test
    void runsUnterminatedTokensToTheEndOfTheInput() {
        assertThat(lex("x 'a;")).containsExactly("WORD x", "STRING 'a;");
        assertThat(lex("x E'a\\'")).containsExactly("WORD x", "STRING E'a\\'");
        assertThat(lex("x \"a;")).containsExactly("WORD x", "QUOTED_IDENTIFIER \"a;");
        assertThat(lex("x $q$ a; $x$")).containsExactly("WORD x", "STRING $q$ a; $x$");
        assertThat(lex("x /* /* */ ;")).containsExactly("WORD x", "COMMENT /* /* */ ;");
        assertThat(lex("x B'1")).containsExactly("WORD x", "STRING B'1");
        assertThat(lex("x E'\\")).containsExactly("WORD x", "STRING E'\\");
    }

    @Test
    void treatsVerticalTabAndFormFeedAsWhitespace() {
        assertThat(lex("a\u000Bb\fc")).containsExactly("WORD a", "WORD b", "WORD c");
    }

    @Test
    void returnsAnUnmodifiableListAndNothingForEmptyInput() {
        assertThat(SqlLexer.tokenize("")).isEmpty();
        assertThat(SqlLexer.tokenize(" \n\t")).isEmpty();
        assertThatThrownBy(() -> SqlLexer.tokenize("a").add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SqlLexer.tokenize(null)).isInstanceOf(NullPointerException.class);
    }
}
