package com.addonconfigurator.cli;

import static com.addonconfigurator.cli.CheckCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.cli.CheckCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code java -jar … test}: QA's suite from the command line, with coverage and reports. */
class TestCommandTest {
    @TempDir
    Path temp;

    private static final String PASSING = """
            defaults:
              evaluationDate: "2026-11-28"
              channel: PANEL
              account: { plan: FE, expiresOn: "2027-11-28" }
            scenarios:
              - name: documenti is accepted
                tags: [smoke]
                given: { cart: { modules: [DOCUMENTI] } }
                expect: { items: { DOCUMENTI: { status: ACCEPTED } } }
              - name: woocommerce alone is wrongly expected to pass
                given: { cart: { modules: [WOOCOMMERCE] } }
                expect: { items: { WOOCOMMERCE: { status: ACCEPTED } }, pricing: { net: "30.00" } }
            """;

    private static String lastLine(Run run) {
        List<String> lines = run.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void theProjectsScenariosPassWithFullCoverage() {
        Run run = cli("test", "--rules", TestRules.FOLDER.toString(), "--min-coverage", "100");

        assertEquals(0, run.exit(), run.out());
        assertTrue(lastLine(run).matches("\\d+ passed, 0 failed"), lastLine(run));
        assertTrue(run.out().contains("not covered: none"), run.out());
        assertTrue(run.out().contains("coverage: 100.0%"), run.out());
    }

    @Test
    void aFailingScenarioIsPrintedWithItsFileNameAndDifferencesAndExitsOne() throws Exception {
        Path scenarios = Files.createDirectories(temp.resolve("s"));
        Files.writeString(scenarios.resolve("mine.yaml"), PASSING);

        Run run = cli("test", scenarios.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertEquals("1 passed, 1 failed", lastLine(run));
        assertTrue(run.out().contains("FAIL mine.yaml › woocommerce alone is wrongly expected to pass"), run.out());
        assertTrue(
                run.out().contains("items.WOOCOMMERCE.status: expected \"ACCEPTED\", actual \"REJECTED\""), run.out());
        assertTrue(run.out().contains("pricing.net: expected \"30.00\", actual \"0.00\""), run.out());
        assertTrue(run.out().contains("expected") && run.out().contains("| actual"), "side by side: " + run.out());
    }

    @Test
    void aRuleNoScenarioFiresIsListedAsNotCoveredAndFailsAMinimum() {
        RulesCopy copy = RulesCopy.into(temp.resolve("rules")).write("extra.drl", """
                package addonconfigurator;
                import com.addonconfigurator.rules.facts.*;
                rule "R99 Nobody buys fifty users"
                ruleflow-group "reasons"
                when
                    $item : Item( kind == "USERS", quantity == 50 )
                then
                    insert(new Reason($item.getCode(), "USERS_QUANTITY_OUT_OF_RANGE"));
                end
                """);

        Run lenient = cli("test", "--rules", copy.folder().toString());
        Run strict = cli("test", "--rules", copy.folder().toString(), "--min-coverage", "100");

        assertEquals(0, lenient.exit(), lenient.out());
        assertTrue(lenient.out().contains("0  R99 Nobody buys fifty users  (extra.drl)  NOT COVERED"), lenient.out());
        assertTrue(lenient.out().contains("not covered: rule \"R99 Nobody buys fifty users\""), lenient.out());
        assertEquals(1, strict.exit());
        assertTrue(strict.out().contains("is below the minimum 100.0%"), strict.out());
        assertTrue(lastLine(strict).matches("\\d+ passed, 0 failed"));
    }

    @Test
    void theJunitReportHasASuitePerFileAndTheFailure() throws Exception {
        Path scenarios = Files.createDirectories(temp.resolve("s"));
        Files.writeString(scenarios.resolve("mine.yaml"), PASSING);
        Path report = temp.resolve("reports/scenarios.xml");

        cli("test", scenarios.toString(), "--rules", TestRules.FOLDER.toString(), "--junit-xml", report.toString());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("mine.yaml", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
        Element failed = (Element) xml.getElementsByTagName("failure").item(0).getParentNode();
        assertEquals("woocommerce alone is wrongly expected to pass", failed.getAttribute("name"));
    }

    @Test
    void theFilterRunsTheScenariosWhoseNameOrTagMatches() throws Exception {
        Path scenarios = Files.createDirectories(temp.resolve("s"));
        Files.writeString(scenarios.resolve("mine.yaml"), PASSING);

        assertEquals(
                "1 passed, 0 failed",
                lastLine(cli(
                        "test", scenarios.toString(), "--rules", TestRules.FOLDER.toString(), "--filter", "smoke")));
        assertEquals(
                "0 passed, 1 failed",
                lastLine(cli(
                        "test",
                        scenarios.toString(),
                        "--rules",
                        TestRules.FOLDER.toString(),
                        "--filter",
                        "WOOCOMMERCE alone")));
        Run r8 = cli("test", "--rules", TestRules.FOLDER.toString(), "--filter", "R8");
        assertTrue(lastLine(r8).matches("[1-9]\\d* passed, 0 failed"), lastLine(r8));
    }

    @Test
    void aMalformedScenarioFileIsReportedWithItsPathAndLine() throws Exception {
        Path scenarios = Files.createDirectories(temp.resolve("s"));
        Files.writeString(scenarios.resolve("bad.yaml"), "scenarios:\n  - name: x\n    given: { cart: [\n");

        Run run = cli("test", scenarios.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("FAIL bad\\.yaml › \\(file\\)")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+bad\\.yaml:[1-9]\\d*:\\d+: .+")), run.out());
        assertTrue(!run.out().contains("\tat "), "no stack trace: " + run.out());
    }

    @Test
    void aScenarioWithoutAnEvaluationDateIsRefusedAtItsLine() throws Exception {
        Path scenarios = Files.createDirectories(temp.resolve("s"));
        Files.writeString(scenarios.resolve("undated.yaml"), """
                scenarios:
                  - name: dated
                    given: { evaluationDate: "2026-11-28", channel: PANEL, cart: {} }
                    expect: { checkoutAllowed: false }
                  - name: undated
                    given: { channel: PANEL, cart: {} }
                    expect: { checkoutAllowed: false }
                """);

        Run run = cli("test", scenarios.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.out().contains("undated.yaml:5:5: scenario 'undated': given.evaluationDate is required"),
                run.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, cli("test", "--min-coverage", "abc").exit());
        assertEquals(2, cli("test", "--min-coverage", "120").exit());
        assertEquals(2, cli("test", "--bogus").exit());
        assertEquals(2, cli("test", "a", "b").exit());
    }
}
