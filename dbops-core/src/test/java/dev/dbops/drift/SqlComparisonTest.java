package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as formatting and what as content, and the statement-level diff. */
class SqlComparisonTest {

    @Test
    void treatsWhitespaceCommentsAndKeywordCaseAsFormatting() {
        assertThat(SqlComparison.sameTokens("create table t (id int);",
                "-- why\nCREATE TABLE t (\n    id INT /* key */\n);\n")).isTrue();
    }

    @Test
    void readsAReindentedFunctionBodyAsFormatting() {
        String before = "create function f() returns int language plpgsql as $$ begin return 1; end $$;";
        String after = "create function f() returns int language plpgsql as $$\nbegin\n    -- one\n    return 1;\nend\n$$;";

        assertThat(SqlComparison.sameTokens(before, after)).isTrue();
        assertThat(SqlComparison.sameTokens(before, after.replace("return 1", "return 2"))).isFalse();
    }

    @Test
    void readsChangesInsideStringsAndQuotedNamesAsContent() {
        assertThat(SqlComparison.sameTokens("select 'a b';", "select 'a  b';")).isFalse();
        assertThat(SqlComparison.sameTokens("select \"Total\" from t;", "select \"total\" from t;")).isFalse();
        assertThat(SqlComparison.sameTokens("select 'it''s';", "select E'it\\'s';")).isTrue();
    }

    @Test
    void listsChangedAddedAndRemovedStatementsWithTheirLines() {
        List<StatementChange> changes = SqlComparison.statementChanges(
                "create table a (id int);\ncreate table b (id int);\ncreate table c (id int);\n",
                "create table a (id int);\n\ncreate table b (id bigint);\ncreate table d (id int);\n"
                        + "create table e (id int);\n", line -> line + 10);

        assertThat(changes).extracting(StatementChange::describe).containsExactly(
                "line 13: changed: create table b (id int) → create table b (id bigint)",
                "line 14: changed: create table c (id int) → create table d (id int)",
                "line 15: added: create table e (id int)");
    }

    @Test
    void placesARemovedStatementAtTheNextOneThatStayed() {
        List<StatementChange> changes = SqlComparison.statementChanges("select 1;\nselect 2;\nselect 3;\n",
                "select 1;\nselect 3;\n", line -> line);

        assertThat(changes).extracting(StatementChange::describe).containsExactly("line 2: removed: select 2");
    }

    @Test
    void splitsDisplayedNamesRespectingQuotes() {
        assertThat(Names.display("public", "Order Lines", "a\"b")).isEqualTo("public.\"Order Lines\".\"a\"\"b\"");
        assertThat(Names.parts("public.\"Order.Lines\".\"a\"\"b\"")).containsExactly("public", "Order.Lines", "a\"b");
    }
}
