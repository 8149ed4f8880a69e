package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks dbops' Flyway checksum against the checksums real Flyway 13 writes to its history table. */
class FlywayChecksumTest {

    @TempDir
    Path dir;

    @Test
    void computesTheChecksumFlywayRecordsForEveryKindOfText() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("V1__lf.sql", utf8("create table t1 (id int);\n"));
        files.put("V2__crlf.sql", utf8("create table t2 (\r\n  id int\r\n);\r\n"));
        files.put("V3__lone_cr.sql", utf8("create table t3 (\r  id int\r);"));
        files.put("V4__bom.sql", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("create table t4 (id int);")));
        files.put("V5__blank_lines_and_no_final_newline.sql", utf8("\n\n-- comment\n\ncreate table t5 (id int);\n\n\n   "));
        files.put("V6__unicode.sql", utf8("create table t6 (name text default 'Grüße, 東京 🚀');\n"));
        files.put("V7__comment_only.sql", utf8("-- nothing to do\n"));
        files.put("V8__placeholder_kept_raw.sql", utf8("create table ${table_name} (id int);\n"));
        files.put("V9__latin1.sql", latin1("create table t9 (name text default 'café');\n"));
        files.put("V9__latin1.sql.conf", utf8("encoding=ISO-8859-1\n"));
        files.put("V10__trailing_spaces.sql", utf8("create table t10 (id int);   \t\n"));
        files.put("R__replaced_placeholder.sql", utf8("create or replace view v_${table_name} as select * from ${table_name};\n"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        Map<String, String> placeholders = Map.of("table_name", "t8");
        MigrationSource source = MigrationSource.builder().location("filesystem:" + dir).placeholders(placeholders).build();
        MigrationSet set = source.load();

        try (PostgresDatabase database = PostgresProvider.shared().createDatabase()) {
            RealFlyway.flyway(database, dir, c -> c.placeholders(placeholders)).migrate();
            Map<String, Integer> recorded = RealFlyway.checksums(database);

            FlywayFiles scripts = new FlywayFiles(source, set);
            Map<String, Integer> computed = new LinkedHashMap<>();
            scripts.versioned.forEach(s -> computed.put(s.migration().script(), s.checksum()));
            scripts.repeatable.forEach(s -> computed.put(s.migration().script(), s.checksum()));
            assertThat(computed).hasSize(11).containsExactlyInAnyOrderEntriesOf(recorded);
        }
    }

    @Test
    void ignoresLineBreaksAndBlankLinesButNotSpaces() {
        assertThat(FlywayChecksum.of("a\nb")).isEqualTo(FlywayChecksum.of("ab"));
        assertThat(FlywayChecksum.of("a\r\n\r\nb\n")).isEqualTo(FlywayChecksum.of("ab"));
        assertThat(FlywayChecksum.of("\uFEFFab")).isEqualTo(FlywayChecksum.of("ab"));
        assertThat(FlywayChecksum.of("a b")).isNotEqualTo(FlywayChecksum.of("ab"));
        assertThat(FlywayChecksum.of("")).isZero();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
