package dev.dbops.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    @Test
    void parsesEveryValueTypeIntoThePlainTree() {
        Object tree = Json.parse(" {\"s\": \"x\", \"i\": -42, \"d\": 1.50, \"t\": true, \"f\": false, \"n\": null,"
                + " \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("i", -42L);
        expected.put("d", new BigDecimal("1.50"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", Json.NULL);
        expected.put("a", List.of(1L, List.of(), Map.of()));
        expected.put("o", Map.of("k", "v"));
        assertThat(tree).isInstanceOf(LinkedHashMap.class).isEqualTo(expected);
        assertThat(((Map<?, ?>) tree).get("a")).isInstanceOf(ArrayList.class);
    }

    @Test
    void keepsObjectMembersInDocumentOrder() {
        Map<?, ?> tree = (Map<?, ?>) Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3, \"b\": 4}");

        assertThat(String.join(",", tree.keySet().stream().map(String::valueOf).toList())).isEqualTo("z,a,m,b");
    }

    @Test
    void parsesScalarsAtTheTopLevel() {
        assertThat(Json.parse("\"top\"")).isEqualTo("top");
        assertThat(Json.parse("7")).isEqualTo(7L);
        assertThat(Json.parse(" true ")).isEqualTo(true);
        assertThat(Json.parse("null")).isSameAs(Json.NULL);
        assertThat(Json.NULL).hasToString("null");
    }

    @Test
    void acceptsAllJsonWhitespaceAndIgnoresALeadingByteOrderMark() {
        assertThat(Json.parse("\uFEFF \t\r\n[ 1 ,\t2\r\n]\n")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void parsesIntegersThatFitAsLongAndLargerOnesAsBigDecimal() {
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(Json.parse("-9223372036854775809")).isEqualTo(new BigDecimal("-9223372036854775809"));
    }

    @Test
    void parsesFractionsAndExponentsAsBigDecimalWithoutLosingDigits() {
        assertThat(Json.parse("1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(Json.parse("-0.0")).isEqualTo(new BigDecimal("-0.0"));
        assertThat(Json.parse("1e400")).isEqualTo(new BigDecimal("1e400"));
        assertThat(Json.parse("-1.5E-3")).isEqualTo(new BigDecimal("-0.0015"));
        assertThat(Json.parse("2E+2")).isEqualTo(new BigDecimal("2E+2"));
        assertThat(Json.parse("123456789012345678901234567890.123456789"))
                .isEqualTo(new BigDecimal("123456789012345678901234567890.123456789"));
    }

    @Test
    void writesNumbersExactly() {
        List<Object> numbers = List.of(Long.MIN_VALUE, Long.MAX_VALUE, 3, (short) -4, (byte) 5,
                new BigDecimal("1.50"), new BigDecimal("1E+400"), new BigInteger("123456789012345678901234567890"),
                2.5d, 0.25f);

        assertThat(Json.write(numbers)).isEqualTo("[-9223372036854775808,9223372036854775807,3,-4,5,1.50,1E+400,"
                + "123456789012345678901234567890,2.5,0.25]");
    }

    @Test
    void roundTripsLongBoundsAndBigDecimals() {
        List<Object> numbers = List.of(Long.MIN_VALUE, Long.MAX_VALUE, new BigDecimal("9223372036854775808"),
                new BigDecimal("-1.000"), new BigDecimal("6.02214076E+23"));

        assertThat(Json.parse(Json.write(numbers))).isEqualTo(numbers);
        assertThat(Json.parse(Json.writePretty(numbers))).isEqualTo(numbers);
    }

    @Test
    void writesCompactTextWithoutWhitespace() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("b", List.of(1L, "two", true, Json.NULL));
        tree.put("a", Map.of());
        tree.put("c", List.of());

        assertThat(Json.write(tree)).isEqualTo("{\"b\":[1,\"two\",true,null],\"a\":{},\"c\":[]}");
    }

    @Test
    void writesPrettyTextIndentedByTwoSpacesWithATrailingNewline() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", "v");
        inner.put("empty", List.of());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "x");
        tree.put("list", List.of(1L, inner));
        tree.put("none", Map.of());

        assertThat(Json.writePretty(tree)).isEqualTo("""
                {
                  "name": "x",
                  "list": [
                    1,
                    {
                      "k": "v",
                      "empty": []
                    }
                  ],
                  "none": {}
                }
                """);
        assertThat(Json.writePretty("scalar")).isEqualTo("\"scalar\"\n");
    }

    @Test
    void writesMapsInTheirIterationOrder() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", 1L);
        tree.put("a", 2L);

        assertThat(Json.write(tree)).isEqualTo("{\"z\":1,\"a\":2}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String nasty = "q\"b\\s/n\nr\rt\tb\bf\fnul\u0000us\u001fdel\u007f";

        assertThat(Json.write(nasty))
                .isEqualTo("\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fnul\\u0000us\\u001fdel\u007f\"");
        assertThat(Json.parse(Json.write(nasty))).isEqualTo(nasty);
    }

    @Test
    void writesNonAsciiCharactersAsTheyAre() {
        String text = "größe 表 😀";

        assertThat(Json.write(text)).isEqualTo("\"größe 表 😀\"");
        assertThat(Json.write(Map.of("表", text))).isEqualTo("{\"表\":\"größe 表 😀\"}");
        assertThat(Json.parse(Json.writePretty(Map.of("表", text)))).isEqualTo(Map.of("表", text));
    }

    @Test
    void decodesEveryEscapeIncludingSurrogatePairs() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")).isEqualTo("\" \\ / \b \f \n \r \t");
        assertThat(Json.parse("\"gr\\u00F6\\u00dfe \\u8868 \\ud83d\\ude00\"")).isEqualTo("größe 表 😀");
        assertThat(Json.parse("\"prefix \\u0041 suffix\"")).isEqualTo("prefix A suffix");
    }

    @Test
    void keepsLoneSurrogatesAndWritesThemEscaped() {
        String lone = (String) Json.parse("\"a\\ud800b\\udc00\"");

        assertThat(lone).isEqualTo("a\ud800b\udc00");
        assertThat(Json.write(lone)).isEqualTo("\"a\\ud800b\\udc00\"");
        assertThat(Json.write("\ud83d")).isEqualTo("\"\\ud83d\"");
        assertThat(Json.parse(Json.write(lone))).isEqualTo(lone);
    }

    @Test
    void roundTripsANestedTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "orders \"quoted\" \\ back\nslash");
        tree.put("unicode", "größe 表 😀");
        tree.put("numbers", List.of(0L, -1L, Long.MAX_VALUE, new BigDecimal("0.1")));
        tree.put("flags", List.of(true, false, Json.NULL));
        tree.put("nested", Map.of("deeper", List.of(Map.of("x", List.of()))));

        assertThat(Json.parse(Json.write(tree))).isEqualTo(tree);
        assertThat(Json.parse(Json.writePretty(tree))).isEqualTo(tree);
        assertThat(Json.writePretty(Json.parse(Json.writePretty(tree)))).isEqualTo(Json.writePretty(tree));
    }

    @Test
    void rejectsTreesThatAreNotJson() {
        assertThatThrownBy(() -> Json.write(Arrays.asList(1L, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write a Java null as JSON: use Json.NULL for a JSON null");
        assertThatThrownBy(() -> Json.write(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write NaN as JSON: JSON numbers must be finite");
        assertThatThrownBy(() -> Json.write(Float.POSITIVE_INFINITY))
                .hasMessage("cannot write Infinity as JSON: JSON numbers must be finite");
        assertThatThrownBy(() -> Json.write(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write a map key of type java.lang.Integer as JSON: object keys must be Strings");
        assertThatThrownBy(() -> Json.write(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write a value of type java.lang.Object as JSON: supported are");
    }

    @Test
    void rejectsCyclicTreesInsteadOfOverflowingTheStack() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);

        assertThatThrownBy(() -> Json.writePretty(cyclic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write JSON nested deeper than 512 levels: is the tree cyclic?");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThat(Json.write(Json.parse(deepest))).isEqualTo(deepest);
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(NullPointerException.class);
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("", "expected a JSON value but the input is empty", 1, 1),
                Arguments.of("  \n ", "expected a JSON value but the input is empty", 2, 2),
                Arguments.of("[1,2,]", "expected a JSON value after ',' but found ']' (trailing commas are not allowed)",
                        1, 6),
                Arguments.of("{\"a\":1,}",
                        "expected an object key after ',' but found '}' (trailing commas are not allowed)", 1, 8),
                Arguments.of("{a:1}",
                        "expected '\"' to start an object key but found 'a' (object keys must be quoted strings)", 1, 2),
                Arguments.of("{'a':1}", "expected '\"' to start an object key but found ''' (keys must be enclosed in "
                        + "double quotes, not single quotes)", 1, 2),
                Arguments.of("{", "expected an object key or '}' but found the end of the input", 1, 2),
                Arguments.of("// note\n{}", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found '/' (comments are not allowed in JSON)", 1, 1),
                Arguments.of("[1 /* note */]",
                        "expected ',' or ']' after array element but found '/' (comments are not allowed in JSON)", 1, 4),
                Arguments.of("{\"a\":1 # note\n}",
                        "expected ',' or '}' after object member but found '#' (comments are not allowed in JSON)", 1, 8),
                Arguments.of("['a']", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found ''' (strings must be enclosed in double quotes)", 1, 2),
                Arguments.of("01", "leading zeros are not allowed in numbers", 1, 1),
                Arguments.of("[-007]", "leading zeros are not allowed in numbers", 1, 3),
                Arguments.of("+1", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found '+' (numbers must not start with '+')", 1, 1),
                Arguments.of(".5", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found '.' (numbers must start with a digit)", 1, 1),
                Arguments.of("-", "expected a digit after '-' but found the end of the input", 1, 2),
                Arguments.of("[1.]", "expected a digit after the decimal point but found ']'", 1, 4),
                Arguments.of("1e+", "expected a digit in the exponent but found the end of the input", 1, 4),
                Arguments.of("1e9999999999", "number 1e9999999999 is out of range (the exponent must fit in 32 bits)",
                        1, 1),
                Arguments.of("NaN", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found 'N' (words other than true, false and null must be quoted strings)", 1, 1),
                Arguments.of("[tru]", "expected the literal true but found 'tru'", 1, 2),
                Arguments.of("nul", "expected the literal null but found 'nul'", 1, 1),
                Arguments.of("\"a\nb\"", "unescaped control character U+000A in string (write it as \\n)", 1, 3),
                Arguments.of("\"a\tb\"", "unescaped control character U+0009 in string (write it as \\t)", 1, 3),
                Arguments.of("\"\u0001\"", "unescaped control character U+0001 in string (write it as \\u0001)", 1, 2),
                Arguments.of("[\"ok\", \"open]", "unterminated string: no closing '\"' before the end of the input",
                        1, 8),
                Arguments.of("\"\\x\"", "invalid escape sequence '\\x' in string (valid escapes are \\\" \\\\ \\/ \\b "
                        + "\\f \\n \\r \\t and \\uXXXX)", 1, 2),
                Arguments.of("\"\\", "unterminated escape sequence at the end of the input", 1, 2),
                Arguments.of("\"ab\\u12G4\"",
                        "invalid \\u escape in string: expected four hexadecimal digits after \\u", 1, 4),
                Arguments.of("\"\\u12\"",
                        "invalid \\u escape in string: expected four hexadecimal digits after \\u", 1, 2),
                Arguments.of("{\"a\" 1}", "expected ':' after object key \"a\" but found '1'", 1, 6),
                Arguments.of("{\"a\":}", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found '}'", 1, 6),
                Arguments.of("{\"a\":", "expected a value after ':' but found the end of the input", 1, 6),
                Arguments.of("{\"a\":1 \"b\":2}", "expected ',' or '}' after object member but found '\"'", 1, 8),
                Arguments.of("{\"a\":1", "expected ',' or '}' after object member but found the end of the input", 1, 7),
                Arguments.of("[1 2]", "expected ',' or ']' after array element but found '2'", 1, 4),
                Arguments.of("[1", "expected ',' or ']' after array element but found the end of the input", 1, 3),
                Arguments.of("[1,", "expected an array element or ']' but found the end of the input", 1, 4),
                Arguments.of("{\"a\":1,\"a\":2}", "duplicate key \"a\" in object", 1, 8),
                Arguments.of("{} {}", "expected the end of the input after the JSON value but found '{'", 1, 4),
                Arguments.of("[\u0001]", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found character U+0001", 1, 2),
                Arguments.of("{\n  \"a\": 1,\n  \"b\" 2\n}", "expected ':' after object key \"b\" but found '2'", 3, 7),
                Arguments.of("[\r\n1,\r\n]",
                        "expected a JSON value after ',' but found ']' (trailing commas are not allowed)", 3, 1),
                Arguments.of("[\r1,\r]",
                        "expected a JSON value after ',' but found ']' (trailing commas are not allowed)", 3, 1),
                Arguments.of("[\"😀\" x]", "expected ',' or ']' after array element but found 'x'", 1, 6),
                Arguments.of("\uFEFF[x]", "expected a JSON value (object, array, string, number, true, false or null) "
                        + "but found 'x' (words other than true, false and null must be quoted strings)", 1, 2),
                Arguments.of("[".repeat(Json.MAX_DEPTH + 1), "objects and arrays nest deeper than 512 levels", 1, 513));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("syntaxErrors")
    void reportsSyntaxErrorsWithLineAndColumn(String text, String description, int line, int column) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
                    assertThat(e.description()).isEqualTo(description);
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                })
                .hasMessage(description + " at line " + line + ", column " + column);
    }

    @Test
    void parseWithJavaNullsGivesJavaNullsAtEveryDepthAndKeepsMemberOrder() {
        Object tree = Json.parseWithJavaNulls("{\"b\": null, \"a\": [1, null, {\"c\": null}]}");

        Map<String, Object> expectedInner = new HashMap<>();
        expectedInner.put("c", null);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", null);
        expected.put("a", Arrays.asList(1L, null, expectedInner));
        assertThat(tree).isEqualTo(expected);
        assertThat(new ArrayList<>(((Map<?, ?>) tree).keySet())).isEqualTo(List.of("b", "a"));
    }
}
