package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applied migrations edited afterwards: the text that ran is found in git by its Flyway checksum, so a
 * reformatted file is told apart from a changed one, and the changed statements are listed.
 */
class DriftEditedScenarioTest {

    @TempDir
    Path dir;

    private DriftScenario migrated(DriftScenario scenario) throws IOException, InterruptedException {
        scenario.file("V1__create_orders.sql", "create table orders (id int primary key, total numeric(10,2));\n")
                .file("V2__add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n")
                .file("V3__index_total.sql", "create index orders_total_idx on orders (total);\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "migrations");
        scenario.flyway().migrate();
        scenario.file("V2__add_note.sql", "ALTER TABLE orders ADD COLUMN note varchar(200);\n"
                        + "ALTER TABLE orders ADD COLUMN channel text;\n")
                .file("V3__index_total.sql", "-- speeds up the totals report\nCREATE INDEX orders_total_idx\n"
                        + "    ON orders (total);\n");
        return scenario;
    }

    @Test
    void tellsAContentChangeFromAFormattingOnlyChangeThroughGitHistory() throws Exception {
        try (DriftScenario scenario = migrated(new DriftScenario(dir))) {
            DriftReport report = scenario.detect(b -> b.gitHistory(true));

            HistoryEntry edited = report.history().entry("V2", HistoryStatus.CONTENT_CHANGED).orElseThrow();
            assertThat(edited.changes()).containsExactly(
                    new StatementChange(StatementChange.Change.CHANGED, Optional.of("ALTER TABLE orders ADD COLUMN note text"),
                            Optional.of("ALTER TABLE orders ADD COLUMN note varchar(200)"), OptionalInt.of(1)),
                    new StatementChange(StatementChange.Change.ADDED, Optional.empty(),
                            Optional.of("ALTER TABLE orders ADD COLUMN channel text"), OptionalInt.of(2)));
            assertThat(edited.changes().get(0).describe()).isEqualTo("line 1: changed: ALTER TABLE orders ADD COLUMN"
                    + " note text → ALTER TABLE orders ADD COLUMN note varchar(200)");
            assertThat(edited.message()).startsWith("V2 changed after it ran: checksum " + edited.recordedChecksum().orElseThrow()
                    + " in public.flyway_schema_history, " + edited.fileChecksum().orElseThrow() + " in ")
                    .endsWith("V2__add_note.sql; 2 statements differ from what ran: databases migrated before and after"
                            + " the edit differ — restore the file and put the change in a new migration");

            HistoryEntry reformatted = report.history().entry("V3", HistoryStatus.FORMATTING_ONLY).orElseThrow();
            assertThat(reformatted.message()).endsWith("V3__index_total.sql; only formatting or comments changed (same"
                    + " SQL tokens); the schema is not affected — run `flyway repair` to record the new checksum, or"
                    + " restore the old formatting");
            assertThat(reformatted.changes()).isEmpty();

            assertThat(report.schema().differences()).extracting(d -> d.difference().object(), SchemaDifference::cause)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("public.orders.channel", DriftCause.MIGRATION_EDITED),
                            org.assertj.core.groups.Tuple.tuple("public.orders.note", DriftCause.MIGRATION_EDITED));
            assertThat(report.schema().difference("public.orders.note").orElseThrow().message()).isEqualTo("column"
                    + " public.orders.note differs: type character varying(200) in the migrations, text in the live"
                    + " database; touched by V2 (line 1: ALTER TABLE orders ADD COLUMN note varchar(200)) — V2 changed"
                    + " after it ran: the live database has what ran, the files describe the edit");
        }
    }

    @Test
    void saysAChecksumChangedWhenTheTextThatRanCannotBeFound() throws Exception {
        try (DriftScenario scenario = migrated(new DriftScenario(dir))) {
            DriftReport report = scenario.detect(b -> b.gitHistory(false));

            assertThat(report.history().entries()).extracting(HistoryEntry::migration, HistoryEntry::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("V1", HistoryStatus.MATCHES),
                            org.assertj.core.groups.Tuple.tuple("V2", HistoryStatus.CHECKSUM_CHANGED),
                            org.assertj.core.groups.Tuple.tuple("V3", HistoryStatus.CHECKSUM_CHANGED));
            assertThat(report.history().entry("V3", HistoryStatus.CHECKSUM_CHANGED).orElseThrow().message())
                    .endsWith("V3__index_total.sql; the file's history was not searched (gitHistory is off), so"
                            + " formatting and content cannot be told apart");
        }
    }

    private void git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("git %s: %s", String.join(" ", arguments), output).isZero();
    }
}
