package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CHECK definitions here are the exact text pg_get_constraintdef prints for them on PostgreSQL 15. */
class CheckRulesTest {

    private static final Set<String> COLUMNS = Set.of("a", "b", "v", "d", "ts", "n", "s", "o", "bo", "neg", "z",
            "Weird Col");

    private static ColumnRules rules(String definition, String column) {
        Optional<CheckRules.Parsed> parsed = CheckRules.parse(definition, COLUMNS);
        assertThat(parsed).as("simple: %s", definition).isPresent();
        return parsed.get().rules().get(column);
    }

    @Test
    void readsComparisonsWithCastConstantsAsBounds() {
        ColumnRules a = rules("CHECK ((a > '-5'::integer))", "a");
        assertThat(a.lower()).containsExactly(new ColumnRules.Bound("-5", false));

        ColumnRules b = rules("CHECK (((b >= '-2.5'::numeric) AND (b < '1000'::numeric)))", "b");
        assertThat(b.lower()).containsExactly(new ColumnRules.Bound("-2.5", true));
        assertThat(b.upper()).containsExactly(new ColumnRules.Bound("1000", false));

        ColumnRules d = rules("CHECK (((d >= '2020-01-01'::date) AND (d < '2021-01-01'::date)))", "d");
        assertThat(d.lower()).containsExactly(new ColumnRules.Bound("2020-01-01", true));
        assertThat(rules("CHECK ((ts > '2020-01-01 00:00:00+00'::timestamp with time zone))", "ts").lower())
                .containsExactly(new ColumnRules.Bound("2020-01-01 00:00:00+00", false));
        assertThat(rules("CHECK ((a > (0.5)::double precision))", "a").lower())
                .containsExactly(new ColumnRules.Bound("0.5", false));
    }

    @Test
    void flipsAConstantOnTheLeftAndNegatesANot() {
        assertThat(rules("CHECK ((2 < a))", "a").lower()).containsExactly(new ColumnRules.Bound("2", false));
        ColumnRules negated = rules("CHECK ((NOT (neg < (0)::numeric)))", "neg");
        assertThat(negated.lower()).containsExactly(new ColumnRules.Bound("0", true));
    }

    @Test
    void readsListsFromAnyArrayAndFromOrOfEqualities() {
        assertThat(rules("CHECK (((v)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[])))",
                "v").allowed()).contains(List.of("x", "y"));
        assertThat(rules("CHECK ((a = ANY (ARRAY[1, 2, 3])))", "a").allowed()).contains(List.of("1", "2", "3"));
        assertThat(rules("CHECK (((o = 4) OR (o = 5)))", "o").allowed()).contains(List.of("4", "5"));
    }

    @Test
    void readsLengthsNotNullExclusionsAndBooleanColumns() {
        ColumnRules s = rules("CHECK (((length(s) >= 2) AND (length(s) <= 5)))", "s");
        assertThat(s.minLength()).isEqualTo(2);
        assertThat(s.maxLength()).isEqualTo(5);
        assertThat(rules("CHECK ((char_length((s)::text) > 2))", "s").minLength()).isEqualTo(3);
        assertThat(rules("CHECK ((n IS NOT NULL))", "n").notNull()).isTrue();
        assertThat(rules("CHECK ((n <> ''::text))", "n").excluded()).containsExactly("");
        assertThat(rules("CHECK (bo)", "bo").allowed()).contains(List.of("true"));
        assertThat(rules("CHECK ((NOT bo))", "bo").allowed()).contains(List.of("false"));
        assertThat(rules("CHECK ((bo = true))", "bo").allowed()).contains(List.of("true"));
    }

    @Test
    void readsConditionsOnSeveralColumnsAndQuotedNames() {
        CheckRules.Parsed parsed = CheckRules.parse("CHECK (((a > 0) AND (\"Weird Col\" <= 9) AND (z > 3)))", COLUMNS)
                .orElseThrow();
        assertThat(parsed.rules()).containsOnlyKeys("a", "Weird Col", "z");
    }

    @Test
    void readsOrderingsOfTwoColumnsNextToRulesOnOne() {
        CheckRules.Parsed parsed = CheckRules.parse("CHECK (((a > 0) AND (a < b) AND (NOT (d > ts))))", COLUMNS)
                .orElseThrow();
        assertThat(parsed.rules()).containsOnlyKeys("a");
        assertThat(parsed.orders()).containsExactly(new CheckRules.Order("a", "b", true),
                new CheckRules.Order("d", "ts", false));
        assertThat(CheckRules.parse("CHECK (((a < b) OR (a = 1)))", COLUMNS)).isEmpty();
    }

    @Test
    void readsADomainCheckOnValue() {
        CheckRules.Parsed parsed = CheckRules.parse("CHECK ((VALUE > (0)::numeric))", Set.of("value")).orElseThrow();
        assertThat(parsed.rules().get("value").lower()).containsExactly(new ColumnRules.Bound("0", false));
    }

    @Test
    void leavesComparisonsOfColumnsPatternsFunctionsAndMixedDisjunctionsComplex() {
        assertThat(CheckRules.parse("CHECK ((a = b))", COLUMNS)).isEmpty();
        assertThat(CheckRules.parse("CHECK ((s ~~ 'a%'::text))", COLUMNS)).isEmpty();
        assertThat(CheckRules.parse("CHECK ((d > CURRENT_DATE))", COLUMNS)).isEmpty();
        assertThat(CheckRules.parse("CHECK (((a > 0) OR (b > 0)))", COLUMNS)).isEmpty();
        assertThat(CheckRules.parse("CHECK ((lower(s) = s))", COLUMNS)).isEmpty();
        assertThat(CheckRules.parse("CHECK ((EXTRACT(year FROM d) > (2000)::numeric))", COLUMNS)).isEmpty();
    }

    @Test
    void tellsChecksThatCanHoldOnNullsApartFromOnesThatNullsSatisfy() {
        assertThat(CheckRules.nullAware("CHECK ((a < b))", COLUMNS)).isFalse();
        assertThat(CheckRules.nullAware("CHECK (((a > 0) OR (b > 0)))", COLUMNS)).isFalse();
        assertThat(CheckRules.nullAware("CHECK (((a IS NOT NULL) OR (b IS NOT NULL)))", COLUMNS)).isTrue();
        assertThat(CheckRules.nullAware("CHECK ((num_nonnulls(a, b) = 1))", COLUMNS)).isTrue();
        assertThat(CheckRules.nullAware("CHECK ((COALESCE(a, 0) > 0))", COLUMNS)).isTrue();
    }

    @Test
    void findsTheColumnsAComplexCheckMentions() {
        assertThat(CheckExpression.mentionedColumns("CHECK ((lower(s) = (\"Weird Col\")::text))", COLUMNS))
                .containsExactly("s", "Weird Col");
    }
}
