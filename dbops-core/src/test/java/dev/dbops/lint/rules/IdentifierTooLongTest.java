package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import org.junit.jupiter.api.Test;

class IdentifierTooLongTest {

    private final LintFixture lint = LintFixture.rule("identifier-too-long");

    private static final String SIXTY_FOUR = "orders_created_at_customer_id_status_region_channel_partial_indx";

    @Test
    void flagsAnIndexNameLongerThan63Bytes() {
        assertThat(SIXTY_FOUR.length()).isEqualTo(64);
        assertThat(lint.inTransaction("CREATE INDEX " + SIXTY_FOUR + " ON orders (created_at);")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                    assertThat(violation.message()).isEqualTo("The index name " + SIXTY_FOUR + " is 64 bytes long: "
                            + "PostgreSQL keeps only the first 63 bytes and creates it as " + SIXTY_FOUR.substring(0, 63)
                            + " with no error, so SQL and code that use the full name do not find it, and another long "
                            + "name with the same first 63 bytes collides with it");
                    assertThat(violation.fix()).hasValue("-- a name of at most 63 bytes, e.g. the one PostgreSQL would "
                            + "have used:\nCREATE INDEX " + SIXTY_FOUR.substring(0, 63) + " ON orders (created_at);");
                });
    }

    @Test
    void countsBytesNotCharacters() {
        String name = "größe_" + "x".repeat(56);
        assertThat(name.length()).isEqualTo(62);
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN " + name + " integer;")).singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("column name " + name + " is 64 bytes")
                        .contains("creates it as größe_" + "x".repeat(55) + " with no error"));
    }

    @Test
    void checksColumnsConstraintsAndRenames() {
        String longName = "c".repeat(64);
        assertThat(lint.inTransaction("CREATE TABLE t (" + longName + " int, CONSTRAINT " + longName
                + "_check CHECK (true));\nALTER TABLE t RENAME COLUMN a TO " + longName + ";")).hasSize(3);
    }

    @Test
    void acceptsNamesOf63Bytes() {
        assertThat(lint.inTransaction("CREATE TABLE " + "t".repeat(63) + " (id bigint PRIMARY KEY);")).isEmpty();
    }
}
