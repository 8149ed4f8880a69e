package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.internal.parser.PlaceholderReplacingReader;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks dbops' own Flyway naming, ordering and placeholders against Flyway's implementation. */
class MigrationFlywayCompatibilityTest {

    private static final List<String> VERSIONS = List.of("1", "1.0", "1.0.0", "01", "1.1", "1_1", "1.9", "1.10",
            "1.10.1", "1.2", "2", "2.0.1", "9", "10", "010", "2023.01.01", "2023.1.2", "0", "0.0.1",
            "99999999999999999999999", "1.01");

    @Test
    void ordersVersionsExactlyLikeFlywaysMigrationVersion() {
        List<String> versions = new ArrayList<>(VERSIONS);
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            versions.add(randomVersion(random));
        }
        for (String a : versions) {
            for (String b : versions) {
                int ours = Integer.signum(FlywayVersion.parse(a).orElseThrow().compareTo(FlywayVersion.parse(b).orElseThrow()));
                int flyways = Integer.signum(MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b)));
                assertThat(ours).as("%s compared with %s", a, b).isEqualTo(flyways);
            }
        }
    }

    @Test
    void sortsOneTenAfterOneNineAndBeforeTwo() {
        List<String> sorted = new ArrayList<>(List.of("2", "1.10", "1.9", "1"));
        sorted.sort(Comparator.comparing(v -> FlywayVersion.parse(v).orElseThrow()));

        assertThat(sorted).containsExactly("1", "1.9", "1.10", "2");
        assertThat(FlywayVersion.parse("1.0")).isEqualTo(FlywayVersion.parse("1"));
        assertThat(FlywayVersion.parse("1_1").orElseThrow()).hasToString(MigrationVersion.fromVersion("1_1").toString());
    }

    @Test
    void ordersVersionTextsLikeFlywayAndPutsTextsThatAreNoVersionsLast() {
        List<String> sorted = new ArrayList<>(List.of("latest", "1.10", "1_9", "B", "1"));
        sorted.sort(FlywayVersion.ORDER);

        assertThat(sorted).containsExactly("1", "1_9", "1.10", "B", "latest");
        assertThat(FlywayVersion.same("1.0", "1_0")).isTrue();
        assertThat(FlywayVersion.same("1.0", "1.01")).isFalse();
    }

    @Test
    void nextVersionAddsOneToTheLastWrittenPart() {
        assertThat(FlywayVersion.parse("7").orElseThrow().next()).hasToString("8");
        assertThat(FlywayVersion.parse("1.9").orElseThrow().next()).hasToString("1.10");
        assertThat(FlywayVersion.parse("2024_01_15").orElseThrow().next()).hasToString("2024.01.16");
        assertThat(FlywayVersion.parse("1.0").orElseThrow().next().compareTo(FlywayVersion.parse("1.1").orElseThrow()))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1__x.sql", "V1.sql", "V1_1__a_b.sql", "V1.1__y.SQL", "R__z.sql", "R__.sql", "R1__z.sql",
        "V__x.sql", "Vx__y.sql", "V1__.sql", "B1__base.sql", "v1__lower.sql", "foo.sql", "V1..2__x.sql", "V01__x.sql",
        "V1-2__x.sql", "V1___x.sql", "V.1__x.sql", "V1.__x.sql", "V1__a__b.sql", "Rollback.sql", "README.sql"})
    void readsFileNamesLikeFlyway(String fileName) {
        ResourceName flyway = new ResourceNameParser(new ClassicConfiguration()).parse(fileName);
        Optional<FlywayName> ours = FlywayName.parse(fileName);

        assertThat(ours.isPresent()).as("%s is valid", fileName).isEqualTo(flyway.isValid());
        ours.ifPresent(name -> {
            assertThat(name.version().map(Object::toString).orElse(null)).isEqualTo(flyway.getVersion() == null ? null : flyway.getVersion().toString());
            assertThat(name.description()).isEqualTo(flyway.getDescription());
        });
    }

    @Test
    void acceptsUndoMigrationsThatFlywayCommunityIgnores() {
        assertThat(new ResourceNameParser(new ClassicConfiguration()).parse("U1__x.sql").isValid()).isFalse();
        assertThat(FlywayName.parse("U1__x.sql")).hasValueSatisfying(name ->
                assertThat(name.kind()).isEqualTo(MigrationKind.UNDO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"select ${schema}.t", "${SCHEMA}", "x${schema}${schema}y", "$${schema}", "a$${schema}b",
        "$$${schema}", "$$$${schema}", "$$ ${schema} $$", "${other}", "${x}", "no placeholders", "$", "${schema"})
    void replacesPlaceholdersLikeFlywaysReader(String text) throws IOException {
        Map<String, String> values = Map.of("schema", "app", "other", "b", "x", "${y}");

        Placeholders.Result ours = new Placeholders(values).replace(text);

        if (ours.missing().isEmpty()) {
            assertThat(ours.text()).isEqualTo(flywayReplace(text, values));
        } else {
            assertThatThrownBy(() -> flywayReplace(text, values)).hasMessageContaining("No value provided for placeholder");
        }
    }

    @Test
    void reportsEachMissingPlaceholderAtItsLine() {
        Placeholders.Result result = new Placeholders(Map.of("a", "1")).replace("${a}\n${b}\n\n${c");

        assertThat(result.text()).isEqualTo("1\n${b}\n\n${c");
        assertThat(result.missing()).containsExactly(new Placeholders.Missing("b", 2, false),
                new Placeholders.Missing("c", 4, true));
    }

    private static String flywayReplace(String text, Map<String, String> values) throws IOException {
        Reader reader = new PlaceholderReplacingReader("${", "}", ":", values, new StringReader(text));
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    private static String randomVersion(Random random) {
        StringBuilder version = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            version.append(i == 0 ? "" : random.nextBoolean() ? "." : "_");
            version.append(random.nextInt(4) == 0 ? "0" : "").append(random.nextInt(12));
        }
        return version.toString();
    }
}
