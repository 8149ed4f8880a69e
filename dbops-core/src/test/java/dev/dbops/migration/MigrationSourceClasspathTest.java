package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourceClasspathTest {

    @TempDir
    Path dir;

    @Test
    void readsAFlywayLocationFromAClasspathFolder() {
        MigrationSet set = MigrationSource.builder().location("classpath:migrations/flyway/ordered")
                .placeholders(MigrationSourceFlywayTest.PLACEHOLDERS).build().load();

        assertThat(set.migrations()).extracting(Migration::id).containsExactly(
                "V1", "V1.1", "V1.2", "V1.9", "V1.10", "V2", "V10",
                "R__a_display_name_function", "R__b_order_totals_view");
        assertThat(set.migrations().get(6).location()).isEqualTo("classpath:migrations/flyway/ordered/sub/V10__add_order_total.sql");
        assertThat(set.migrations().get(6).script()).isEqualTo("sub/V10__add_order_total.sql");
        assertThat(set.migrations().get(4).transactionMode()).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
    }

    @Test
    void readsAFlywayLocationFromAJar() throws IOException {
        Path jar = jar(Map.of(
                "db/migration/V1__create.sql", "CREATE TABLE t (id int);\n",
                "db/migration/V2__index.sql", "CREATE INDEX CONCURRENTLY t_id ON t (id);\n",
                "db/migration/V2__index.sql.conf", "executeInTransaction=false\n",
                "db/migration/nested/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT * FROM t;\n",
                "db/other/V9__elsewhere.sql", "SELECT 9;\n"));

        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationSet set = MigrationSource.builder().location("classpath:/db/migration/").classLoader(classLoader)
                    .build().load();

            assertThat(set.migrations()).extracting(Migration::location).containsExactly(
                    "classpath:db/migration/V1__create.sql", "classpath:db/migration/V2__index.sql",
                    "classpath:db/migration/nested/R__view.sql");
            assertThat(set.migrations().get(1).transactionMode()).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
            assertThat(set.migrations().get(2).sql()).isEqualTo("CREATE OR REPLACE VIEW v AS SELECT * FROM t;\n");
            assertThat(set.problems()).isEmpty();
        }
    }

    @Test
    void prefersTheFirstClasspathRootWhenTwoHoldTheSameScript() throws IOException {
        Path first = jar(Map.of("db/migration/V1__a.sql", "SELECT 'first';\n"));
        Path second = Files.createDirectories(dir.resolve("classes/db/migration"));
        Files.writeString(second.resolve("V1__a.sql"), "SELECT 'second';\n");
        Files.writeString(second.resolve("V2__b.sql"), "SELECT 2;\n");

        try (URLClassLoader classLoader = new URLClassLoader(
                new URL[] {first.toUri().toURL(), dir.resolve("classes").toUri().toURL()}, null)) {
            MigrationSet set = MigrationSource.builder().location("classpath:db/migration").classLoader(classLoader)
                    .build().load();

            assertThat(set.migrations()).extracting(Migration::sql).containsExactly("SELECT 'first';\n", "SELECT 2;\n");
        }
    }

    @Test
    void failsWithTheLocationWhenNoClasspathRootHasIt() {
        assertThatThrownBy(() -> MigrationSource.builder().location("classpath:db/nowhere").build().load())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_SOURCE_FAILED))
                .hasMessage("migration location classpath:db/nowhere is not on the classpath: check the path"
                        + " (resources from src/main/resources sit at the classpath root), or give a file system path");
    }

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = Files.createTempFile(dir, "migrations", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> directories = new TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    directories.add(name.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
