package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitLintRendererTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Document render(LintReport report, LintRenderOptions options) throws Exception {
        return parse(LintFormat.JUNIT.render(report, options));
    }

    @Test
    void writesASuitePerFileACasePerStatementAndFailuresFromTheThreshold() throws Exception {
        Document document = render(RenderFixture.report(), RenderFixture.options());

        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(List.of(root.getAttribute("tests"), root.getAttribute("failures"), root.getAttribute("errors"),
                root.getAttribute("skipped"))).containsExactly("7", "1", "1", "0");
        List<Element> suites = elements(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("db/V1__orders.sql",
                "db/V0__broken.sql");
        Element orders = suites.get(0);
        assertThat(List.of(orders.getAttribute("tests"), orders.getAttribute("failures"),
                orders.getAttribute("errors"))).containsExactly("6", "1", "0");
        List<Element> cases = elements(orders, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
                "line 1: CREATE TABLE fresh (id bigint)",
                "line 2: CREATE INDEX fresh_id_idx ON fresh (id)",
                "line 4: CREATE INDEX quiet_idx ON orders (customer_id)",
                "line 5: CREATE INDEX orders_created_idx ON orders (created_at)",
                "line 7: ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)",
                "line 8: VACUUM orders");
        assertThat(cases).allMatch(c -> c.getAttribute("classname").equals("db/V1__orders.sql"));
        Element failure = elements(cases.get(3), "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("example-index");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("CREATE INDEX on orders takes SHARE (blocks writes) for the whole index build");
        assertThat(failure.getTextContent()).startsWith("db/V1__orders.sql:5:3: error[example-index]")
                .contains("  fix:\n    CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);");
        assertThat(elements(cases.get(4), "failure")).isEmpty();
        assertThat(elements(cases.get(4), "system-out").get(0).getTextContent())
                .startsWith("db/V1__orders.sql:7:1: warning[example-rewrite]");
        Element error = elements(suites.get(1), "error").get(0);
        assertThat(error.getAttribute("type")).isEqualTo("input-problem");
        assertThat(error.getAttribute("message")).isEqualTo("cannot read: not UTF-8 text — save the file as UTF-8");
    }

    @Test
    void failsFromTheGivenSeverityOrNever() throws Exception {
        Document onWarning = render(RenderFixture.report(),
                LintRenderOptions.builder().rules(RenderFixture.RULES).failOn(Severity.WARNING).build());
        Document never = render(RenderFixture.report(), LintRenderOptions.builder().failOnNothing().build());

        assertThat(elements(onWarning.getDocumentElement(), "failure")).extracting(f -> f.getAttribute("type"))
                .containsExactly("example-index", "example-rewrite");
        assertThat(onWarning.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(elements(never.getDocumentElement(), "failure")).isEmpty();
        assertThat(elements(never.getDocumentElement(), "system-out")).hasSize(3);
        assertThat(never.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void countsATestCaseOnceHoweverManyFailuresItHas() throws Exception {
        SourceLocation at = new SourceLocation("V1.sql", 1, 1, 1, 10, Optional.empty());
        Violation a = new Violation("rule-a", Severity.ERROR, "a", "h", at, "DROP TABLE t", LockMode.ACCESS_EXCLUSIVE,
                TableImpact.NONE, Optional.empty());
        Violation b = new Violation("rule-b", Severity.ERROR, "b", "h", at, "DROP TABLE t", LockMode.ACCESS_EXCLUSIVE,
                TableImpact.NONE, Optional.empty());
        LintReport report = new LintReport(15, List.of(new LintedStatement(at, "DROP TABLE t", true, List.of(a, b))),
                List.of());

        Element root = render(report, LintRenderOptions.defaults()).getDocumentElement();

        assertThat(elements(root, "failure")).hasSize(2);
        assertThat(root.getAttribute("tests")).isEqualTo("1");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void escapesMarkupKeepsLineBreaksInAttributesAndDropsCharactersXmlCannotCarry() throws Exception {
        String statement = "INSERT INTO t VALUES ('<a href=\"x\">&amp;</a>', '\u0001\u0008bell', '\uD800lone', 'ok \uD83D\uDE00')";
        SourceLocation at = new SourceLocation("dir/<odd> & \"name\".sql", 3, 1, 3, statement.length() + 1,
                Optional.empty());
        Violation violation = new Violation("rule-a", Severity.ERROR, "line one\nline two ]]> <tag/>", "help", at,
                statement, LockMode.ROW_EXCLUSIVE, TableImpact.WRITE_ALL_ROWS, Optional.of("-- a & b < c"));
        LintReport report = new LintReport(15, List.of(new LintedStatement(at, statement, true, List.of(violation))),
                List.of(new InputProblem("bad\u0000file.sql", 2, "NUL byte \u0000 in <file>")));

        Element root = render(report, LintRenderOptions.defaults()).getDocumentElement();

        Element testCase = elements(root, "testcase").get(0);
        assertThat(testCase.getAttribute("classname")).isEqualTo("dir/<odd> & \"name\".sql");
        assertThat(testCase.getAttribute("name")).startsWith("line 3: INSERT INTO t VALUES ('<a href=\"x\">&amp;</a>'");
        Element failure = elements(testCase, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("line one\nline two ]]> <tag/>");
        assertThat(failure.getTextContent()).contains("'??bell', 'lone', 'ok \uD83D\uDE00'").contains("-- a & b < c");
        Element error = elements(root, "error").get(0);
        assertThat(error.getAttribute("message")).isEqualTo("NUL byte  in <file>");
        assertThat(elements(root, "testsuite").get(1).getAttribute("name")).isEqualTo("badfile.sql");
    }

    @Test
    void skipsStatementsDbopsCouldNotInspectWhenNothingFailed() throws Exception {
        SourceLocation at = new SourceLocation("V1.sql", 1, 1, 1, 10, Optional.empty());
        LintReport report = new LintReport(15, List.of(new LintedStatement(at, "FROB t", false, List.of())), List.of());

        Element root = render(report, LintRenderOptions.defaults()).getDocumentElement();

        assertThat(elements(root, "skipped")).hasSize(1);
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void namesTestCasesByLineAndTheFirstWordsOfTheStatement() {
        assertThat(JunitLintRenderer.name("CREATE   INDEX\n  i ON t (a)")).isEqualTo("CREATE INDEX i ON t (a)");
        assertThat(JunitLintRenderer.name("UPDATE orders SET status = 'archived' WHERE created_at < now() - interval "
                + "'1 year' AND status <> 'open'"))
                .isEqualTo("UPDATE orders SET status = 'archived' WHERE created_at < …");
    }
}
