package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    static List<String> texts(String sql) {
        return SqlScript.parse(sql).statements().stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndLeavesOutEmptyStatements() {
        assertThat(texts("select 1; ;; select 2 ;\n\n-- only a comment\n;select 3")).containsExactly(
                "select 1", "select 2", "select 3");
    }

    @Test
    void givesStatementsTheirIndexPositionsAndTokensWithoutTheSemicolon() {
        SqlScript script = SqlScript.parse("create table t (id int);\n  alter table t\r\n    add x int;");

        SqlStatement alter = script.statements().get(1);
        assertThat(alter.index()).isEqualTo(1);
        assertThat(alter.text()).isEqualTo("alter table t\r\n    add x int");
        assertThat(alter.start()).isEqualTo(new SourcePosition(27, 2, 3));
        assertThat(alter.end()).isEqualTo(new SourcePosition(55, 3, 14));
        assertThat(alter.tokens()).extracting(Token::text).containsExactly("alter", "table", "t", "add", "x", "int");
        assertThat(alter.startsWith("ALTER", "table")).isTrue();
        assertThat(alter.startsWith("alter", "index")).isFalse();
    }

    @Test
    void keepsSemicolonsInsideStringsIdentifiersDollarQuotesAndComments() {
        assertThat(texts("select ';', E'\\';', \"a;b\", $f$;$f$ /* ; /* ; */ ; */ -- ;\n; select 2")).containsExactly(
                "select ';', E'\\';', \"a;b\", $f$;$f$", "select 2");
    }

    @Test
    void keepsABeginAtomicBodyWithCaseExpressionsInOneStatement() {
        String function = """
                CREATE OR REPLACE FUNCTION grade(score int) RETURNS text LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN score > 90 THEN 'A' ELSE CASE WHEN score > 50 THEN 'B' END END;
                  SELECT (CASE score WHEN 0 THEN 'zero' END);
                END""";

        assertThat(texts(function + ";\nselect 1;")).containsExactly(function, "select 1");
    }

    @Test
    void keepsAProcedureBodyAndANestedAtomicBlockInOneStatement() {
        String procedure = "create procedure p() begin atomic insert into t values (1); begin atomic select 1; end;"
                + " end";
        assertThat(texts(procedure + "; select 2")).containsExactly(procedure, "select 2");
        assertThat(texts("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC END; select 2"))
                .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC END", "select 2");
    }

    @Test
    void closesABodyOnlyWithAnEndRightAfterASemicolonAsTheGrammarDoes() {
        String labels = "create function f() returns int language sql begin atomic"
                + " select t.end, 1 end, 2 case, 3 as end from t; end";
        assertThat(texts(labels + "; select 2")).as("end and case as column labels").containsExactly(labels, "select 2");
        String emptyStatements = "create function g() returns int language sql begin atomic; select 1;; end";
        assertThat(texts(emptyStatements + "; select 2")).containsExactly(emptyStatements, "select 2");
    }

    @Test
    void splitsTransactionControlBeginAndEnd() {
        assertThat(texts("BEGIN; create table t (a int); END; begin atomic; select case when true then 1 end; end;"))
                .containsExactly("BEGIN", "create table t (a int)", "END", "begin atomic",
                        "select case when true then 1 end", "end");
    }

    @Test
    void splitsRoutinesWithoutAnAtomicBodyNormally() {
        assertThat(texts("create function begin() returns int language sql return case when true then 1 end;"
                + " create function f() returns int as $$ begin; end $$ language sql; select 1"))
                .hasSize(3);
        assertThat(texts("alter function f() rename to g; select 1")).hasSize(2);
    }

    @Test
    void keepsSemicolonsInsideParenthesesLikePsqlSoRuleActionsStayTogether() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); UPDATE c SET n = n + 1)";
        assertThat(texts(rule + "; select 1")).containsExactly(rule, "select 1");
        assertThat(texts("select 1); select 2")).as("an extra ) does not stop splitting")
                .containsExactly("select 1)", "select 2");
    }

    @Test
    void givesAStatementTheCommentsBeforeItAndInsideIt() {
        SqlScript script = SqlScript.parse("""
                -- dbops:ignore-file
                select 1; -- after one
                /* before two */
                -- dbops:ignore lock-rule because it is small
                select /* inside */ 2 -- before the semicolon
                ;
                -- trailing
                """);

        assertThat(script.statements()).hasSize(2);
        assertThat(script.statements().get(0).comments()).extracting(Token::text).containsExactly("-- dbops:ignore-file");
        assertThat(script.statements().get(1).comments()).extracting(Token::text).containsExactly(
                "-- after one", "/* before two */", "-- dbops:ignore lock-rule because it is small", "/* inside */",
                "-- before the semicolon");
        assertThat(script.statements().get(1).text()).isEqualTo("select /* inside */ 2");
        assertThat(script.comments()).hasSize(7).last().extracting(Token::text).isEqualTo("-- trailing");
        assertThat(script.comments().get(6).line()).isEqualTo(7);
    }

    @Test
    void reportsAnUnterminatedStringAndMakesTheRestTheLastStatement() {
        SqlScript script = SqlScript.parse("select 1;\nselect 'a;\nselect 2;");

        assertThat(script.statements()).extracting(SqlStatement::text).containsExactly("select 1", "select 'a;\nselect 2;");
        assertThat(script.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.position()).isEqualTo(new SourcePosition(17, 2, 8));
            assertThat(d.message()).isEqualTo(
                    "unterminated quoted string starting at 2:8 runs to the end of the input; close it with '");
        });
    }

    @Test
    void reportsEachUnterminatedForm() {
        assertThat(diagnostic("select E'it\\'s")).startsWith("unterminated quoted string starting at 1:8")
                .contains("\\' does not end it");
        assertThat(diagnostic("select U&'x")).startsWith("unterminated quoted string starting at 1:8");
        assertThat(diagnostic("select B'1")).startsWith("unterminated bit-string literal starting at 1:8");
        assertThat(diagnostic("select X'1")).startsWith("unterminated hexadecimal string literal starting at 1:8");
        assertThat(diagnostic("select \"a")).startsWith("unterminated quoted identifier starting at 1:8");
        assertThat(diagnostic("do $body$ begin; end $bod$")).isEqualTo(
                "unterminated dollar-quoted string starting at 1:4 runs to the end of the input; close it with $body$");
        assertThat(diagnostic("select 1 /* a /* b */")).startsWith("unterminated /* comment starting at 1:10")
                .contains("1 is still open");
    }

    @Test
    void reportsAParenthesisOrBodyLeftOpenAtTheEnd() {
        SqlScript paren = SqlScript.parse("select (1;\nselect 2;");
        assertThat(paren.statements()).singleElement().extracting(SqlStatement::text).isEqualTo("select (1;\nselect 2;");
        assertThat(paren.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.position()).isEqualTo(new SourcePosition(7, 1, 8));
            assertThat(d.message()).startsWith("( at 1:8 is never closed").endsWith("add the missing )");
        });

        SqlScript body = SqlScript.parse("create function f() returns int language sql\nbegin atomic select 1 end;");
        assertThat(body.statements()).hasSize(1);
        assertThat(body.diagnostics()).singleElement().satisfies(d ->
                assertThat(d.message()).startsWith("BEGIN ATOMIC body starting at 2:1 has no END after the semicolon of its last statement"));
    }

    @Test
    void reportsNothingForAWellFormedScript() {
        assertThat(SqlScript.parse("select 1; select (2); create function f() returns int language sql"
                + " begin atomic select 1; end;").diagnostics()).isEmpty();
    }

    @Test
    void neverThrowsOnBrokenInput() {
        for (String sql : List.of("", ";", "'", "\"", "$", "$$", "$a$", "/*", "--", "E'\\", "U&", "U&\"", "(((", ")))",
                "create function", "create or replace procedure p() begin atomic", "\u0000\uFFFF\uD800", "0x", "1e+")) {
            SqlScript script = SqlScript.parse(sql);
            assertThat(script.text()).isEqualTo(sql);
            script.statements().forEach(s -> s.tokens().forEach(Token::value));
        }
        assertThat(SqlScript.parse("").statements()).isEmpty();
    }

    @Test
    void keepsItsListsUnmodifiableAndSaysNoSqlInToString() {
        SqlScript script = SqlScript.parse("select 'secret'; -- c");

        assertThatThrownBy(() -> script.statements().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> script.comments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> script.statements().get(0).tokens().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(script).hasToString("SqlScript[1 statements, 1 comments, 0 diagnostics]");
        assertThatThrownBy(() -> SqlScript.parse(null)).isInstanceOf(NullPointerException.class);
    }

    private static String diagnostic(String sql) {
        List<SqlDiagnostic> diagnostics = SqlScript.parse(sql).diagnostics();
        assertThat(diagnostics).hasSize(1);
        return diagnostics.get(0).message();
    }
}
