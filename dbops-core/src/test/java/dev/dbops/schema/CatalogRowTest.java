package dev.dbops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CatalogRow} decodes the server's text form itself; these values come from a real server,
 * so that every edge (extreme numbers, quoting in arrays, NULL) is what PostgreSQL actually sends.
 */
class CatalogRowTest {

    private static PostgresDatabase database;
    private static Connection connection;

    @BeforeAll
    static void connect() {
        database = PostgresProvider.shared().createDatabase();
        connection = database.connect();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
        database.close();
    }

    /** The one row of a query, positioned on it; its statement is closed with the connection. */
    private static CatalogRow row(String select) throws SQLException {
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(select);
        CatalogRow row = new CatalogRow(rs);
        assertThat(row.next()).isTrue();
        return row;
    }

    @Test
    void readsWholeNumbersOfEveryWidthAndSign() throws SQLException {
        assertThat(row("select 0::int8").number(0)).isZero();
        assertThat(row("select -1::int4").number(0)).isEqualTo(-1);
        assertThat(row("select 4294967295::oid").number(0)).isEqualTo(4_294_967_295L);
        assertThat(row("select 9223372036854775807::int8").number(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(row("select (-9223372036854775807 - 1)::int8").number(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(row("select 1664::int2").integer(0)).isEqualTo(1664);
        assertThat(row("select null::int8").number(0)).isZero();
    }

    @Test
    void refusesAValueThatIsNotAWholeNumber() {
        assertThatThrownBy(() -> row("select 1.5::numeric").number(0))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> row("select '-'::text").number(0))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void readsTextFlagsAndCodes() throws SQLException {
        assertThat(row("select 'grüße \"x\"'::text").text(0)).isEqualTo("grüße \"x\"");
        assertThat(row("select null::text").nullableText(0)).isNull();
        assertThat(row("select null::text").optionalText(0)).isEmpty();
        assertThat(row("select ''::text").optionalText(0)).isEqualTo(Optional.of(""));
        assertThat(row("select true").bool(0)).isTrue();
        assertThat(row("select false").bool(0)).isFalse();
        assertThat(row("select null::bool").bool(0)).isFalse();
        assertThat(row("select 'p'::\"char\"").character(0)).isEqualTo('p');
        assertThat(row("select ''::\"char\"").character(0)).isEqualTo(' ');
    }

    @Test
    void readsNumberListsOfArraysAndVectors() throws SQLException {
        assertThat(row("select '1 -2 3'::int2vector").ints(0)).containsExactly(1, -2, 3);
        assertThat(row("select '{7,0,12}'::int2[]").ints(0)).containsExactly(7, 0, 12);
        assertThat(row("select '3090 4294967295'::oidvector").numbers(0))
                .containsExactly(3090L, 4_294_967_295L);
        assertThat(row("select ''::int2vector").ints(0)).isEmpty();
        assertThat(row("select null::int2[]").ints(0)).isEmpty();
    }

    @Test
    void readsTextArraysWithEveryKindOfQuoting() throws SQLException {
        assertThat(row("select array['plain', 'with space', 'com,ma', 'quo\"te', 'back\\slash', 'NULL', '',"
                + " '{brace}', 'ünïcode']::text[]").textArray(0))
                .containsExactly("plain", "with space", "com,ma", "quo\"te", "back\\slash", "NULL", "",
                        "{brace}", "ünïcode");
        assertThat(row("select '{}'::text[]").textArray(0)).isEmpty();
        assertThat(row("select null::text[]").textArray(0)).isEmpty();
        assertThat(row("select '[0:1]={a,b}'::text[]").textArray(0)).containsExactly("a", "b");
    }

    @Test
    void refusesANullArrayElement() {
        assertThatThrownBy(() -> row("select array['a', null]::text[]").textArray(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NULL element");
    }

    @Test
    void readsAclItemsAsGrants() throws SQLException {
        List<Grant> grants = row("select array['postgres=r*w/postgres', '=X/postgres']::aclitem[]").acl(0);
        assertThat(grants).containsExactly(new Grant("postgres", "SELECT", true), new Grant("postgres", "UPDATE", false),
                new Grant(Grant.PUBLIC, "EXECUTE", false));
        assertThat(row("select null::aclitem[]").acl(0)).isEmpty();
    }

    @Test
    void namesTheMissingColumnWhenAQueryAndItsReaderDisagree() {
        assertThatThrownBy(() -> row("select 1 as one").column("two"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no column two");
    }
}
