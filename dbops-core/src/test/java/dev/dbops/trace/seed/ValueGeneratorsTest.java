package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ValueGeneratorsTest {

    private static final Generators GENERATORS = new Generators(Schema.EMPTY);

    private static String text(Consumer<CopyBuffer> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CopyBuffer out = CopyBuffer.to((b, length) -> bytes.write(b, 0, length));
        writer.accept(out);
        try {
            out.flush();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ValueGenerator generator(String type, ColumnRules rules) {
        Generators.Resolution resolution = GENERATORS.resolve(type, rules, 42);
        assertThat(resolution).isInstanceOf(Generators.Values.class);
        return ((Generators.Values) resolution).generator();
    }

    private static Set<String> sequence(ValueGenerator generator, int count) {
        Set<String> values = new HashSet<>();
        for (int n = 0; n < count; n++) {
            int index = n;
            values.add(text(out -> generator.nth(index, out)));
        }
        return values;
    }

    @Test
    void escapesWhatCopyTextFormatNeedsEscapedAndEncodesUtf8() {
        assertThat(text(out -> out.text("a\tb\nc\\d\re").tab().nul())).isEqualTo("a\\tb\\nc\\\\d\\re\t\\N");
        assertThat(text(out -> out.text("größe €😀"))).isEqualTo("größe €😀");
        assertThat(text(out -> out.decimal(-9_876_543_210L).ascii(' ').decimal(Long.MIN_VALUE).ascii(' ')
                .padded(7, 3).ascii(' ').hex(0xAB, 4))).isEqualTo("-9876543210 -9223372036854775808 007 00ab");
    }

    @Test
    void injectiveSequencesGiveDistinctValuesForEveryKeyType() {
        for (String type : List.of("integer", "bigint", "smallint", "numeric(6,2)", "text", "character varying(3)",
                "character(2)", "uuid", "bytea", "jsonb", "date", "timestamp with time zone", "inet", "macaddr",
                "bit(12)", "int4range", "tstzrange", "text[]", "double precision", "interval", "time without time zone")) {
            assertThat(sequence(generator(type, ColumnRules.NONE), 1000)).as(type).hasSize(1000);
        }
    }

    @Test
    void textSequenceStaysInsideTheDeclaredAndCheckedLengths() {
        ValueGenerator values = generator("character varying(6)", ColumnRules.NONE.withMinLength(4));
        Set<String> texts = sequence(values, 5000);
        assertThat(texts).hasSize(5000).allSatisfy(t -> assertThat(t.length()).isBetween(4, 6));
        assertThat(values.cardinality()).isEqualTo((long) Math.pow(36, 6));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(text(out -> values.random(random, out)).length()).isBetween(4, 6);
        }
        assertThat(generator("character varying(2)", ColumnRules.NONE).cardinality()).isEqualTo(36 * 36);
    }

    @Test
    void numbersStayInsideTypeAndCheckBoundsWithTheirScale() {
        ColumnRules bounds = ColumnRules.NONE.withLower("0", false).withUpper("100", true);
        ValueGenerator price = generator("numeric(6,2)", bounds);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            String value = text(out -> price.random(random, out));
            assertThat(value).matches("\\d+\\.\\d{2}");
            assertThat(Double.parseDouble(value)).isGreaterThan(0).isLessThanOrEqualTo(100);
        }
        assertThat(price.cardinality()).isEqualTo(10_000);
        ValueGenerator qty = generator("integer", ColumnRules.NONE.withLower("1", true).withUpper("10", true)
                .withExcluded("5"));
        assertThat(sequence(qty, 9)).containsExactlyInAnyOrder("1", "2", "3", "4", "6", "7", "8", "9", "10");
        assertThat(qty.cardinality()).isEqualTo(9);
        assertThat(text(out -> generator("smallint", ColumnRules.NONE).nth(32766, out))).isEqualTo("32767");
        ValueGenerator fraction = generator("numeric(2,2)", ColumnRules.NONE);
        Set<String> fractions = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            fractions.add(text(out -> fraction.random(random, out)));
        }
        assertThat(fractions).hasSizeGreaterThan(50).allSatisfy(v -> assertThat(v).matches("0\\.\\d\\d"));
    }

    @Test
    void contradictoryBoundsAreUnsatisfiable() {
        assertThat(GENERATORS.resolve("integer", ColumnRules.NONE.withLower("10", false).withUpper("5", false), 1))
                .isInstanceOf(Generators.Unsatisfiable.class);
        assertThat(GENERATORS.resolve("smallint", ColumnRules.NONE.withLower("40000", true), 1))
                .isInstanceOf(Generators.Unsatisfiable.class);
        assertThat(GENERATORS.resolve("text", ColumnRules.NONE.withAllowed(List.of("a")).withAllowed(List.of("b")), 1))
                .isInstanceOf(Generators.Unsatisfiable.class);
    }

    @Test
    void datesAndTimestampsAreWrittenLikeJavaTimeAndHonourBounds() {
        for (long day = LocalDate.of(1, 1, 1).toEpochDay(); day < 2_900_000; day += 997) {
            long epochDay = day;
            assertThat(text(out -> TimeValues.date(epochDay, out))).isEqualTo(LocalDate.ofEpochDay(day).toString());
        }
        ValueGenerator at = generator("timestamp(3) with time zone", ColumnRules.NONE
                .withLower("2024-02-29 23:00:00+00", true).withUpper("2024-03-01 01:00:00+01", false));
        assertThat(at.cardinality()).isEqualTo(3600);
        assertThat(text(out -> at.nth(0, out))).isEqualTo("2024-02-29 23:00:00+00");
        assertThat(text(out -> at.nth(3599, out))).isEqualTo("2024-02-29 23:59:59+00");
    }

    @Test
    void rangesOfTheSequenceDoNotOverlapAndArraysQuoteTheirElements() {
        ValueGenerator ranges = generator("int4range", ColumnRules.NONE);
        assertThat(text(out -> ranges.nth(0, out))).isEqualTo("[1,11)");
        assertThat(text(out -> ranges.nth(1, out))).isEqualTo("[21,31)");
        ValueGenerator array = new ArrayValues(new ChoiceValues(List.of("say \"hi\"", "back\\slash")));
        assertThat(text(out -> array.nth(0, out))).isEqualTo("{\"say \\\\\"hi\\\\\"\"}");
        assertThat(text(out -> array.nth(1, out))).isEqualTo("{\"back\\\\\\\\slash\"}");
    }

    @Test
    void unknownTypesAreUnsupported() {
        assertThat(GENERATORS.resolve("point", ColumnRules.NONE, 1)).isInstanceOf(Generators.Unsupported.class);
        assertThat(GENERATORS.resolve("shop.money_box", ColumnRules.NONE, 1))
                .isInstanceOf(Generators.Unsupported.class);
    }

    @Test
    void typeNamesAreTakenApartAsFormatTypePrintsThem() {
        assertThat(SeedType.parse("timestamp(3) with time zone"))
                .isEqualTo(new SeedType(java.util.Optional.empty(), "timestamp with time zone", List.of(3), 0));
        assertThat(SeedType.parse("\"My Schema\".\"Mood\"[]"))
                .isEqualTo(new SeedType(java.util.Optional.of("My Schema"), "Mood", List.of(), 1));
        assertThat(SeedType.parse("numeric(12,2)").modifiers()).containsExactly(12, 2);
        assertThat(SeedType.parse("\"char\"").name()).isEqualTo("\"char\"");
    }
}
