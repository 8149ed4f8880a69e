package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.sql.SqlScript;
import dev.dbops.sql.Token;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolatilityTest {

    private static List<Token> tokens(String expression) {
        return SqlScript.parse(expression).statements().get(0).tokens();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "now()                                                  => now",
        "CURRENT_TIMESTAMP(3)                                   => -",
        "'x'::character varying(10) || lower('A')               => lower",
        "(random() * 10)::int                                   => random",
        "CAST(uuid_generate_v4() AS varchar(36))                => uuid_generate_v4",
        "clock_timestamp()::timestamp(3) with time zone         => clock_timestamp",
        "CASE WHEN true THEN 'a'::text ELSE md5(random()::text) END => md5 random",
        "COALESCE(NULL, app.make_code())                        => make_code",
        "extract(epoch from now())                              => now",
        "ARRAY[]::text[]                                        => -",
    })
    void findsTheFunctionsAnExpressionCalls(String expression, String expected) {
        List<String> calls = Volatility.calledFunctions(tokens(expression));

        assertThat(calls).containsExactlyElementsOf(expected.equals("-") ? List.of() : List.of(expected.split(" ")));
    }
}
