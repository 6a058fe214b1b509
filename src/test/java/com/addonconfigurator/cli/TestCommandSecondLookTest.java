package com.addonconfigurator.cli;

import static com.addonconfigurator.cli.CheckCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.cli.CheckCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What QA met on a second look at {@code test}: it never passes on nothing, and accepts intended changes. */
class TestCommandSecondLookTest {
    @TempDir
    Path temp;

    private static final String ONE = """
            # what a panel customer buys
            defaults:
              evaluationDate: "2026-11-28"
              channel: PANEL
              account: { plan: FE, expiresOn: "2027-11-28" }
            scenarios:
              - name: documenti is accepted
                given: { cart: { modules: [DOCUMENTI] } }
                expect: { items: { DOCUMENTI: { status: ACCEPTED } } }
            """;

    private static String lastLine(Run run) {
        List<String> lines = run.out().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void aMistypedFolderRunsNoScenarioAndFailsNamingWhatItLookedFor() {
        Run run = cli("test", temp.resolve("scenarois").toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("no scenario file") && run.err().contains("scenarois"), run.err());
    }

    @Test
    void aFileNamedByARelativePathRunsItsScenarios() {
        Run run = cli("test", "rules/scenarios/dependencies-and-users.yaml", "--rules", "rules", "--filter", "R8");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(lastLine(run).matches("[1-9]\\d* passed, 0 failed"), lastLine(run));
    }

    @Test
    void aFilterThatMatchesNothingFails() {
        Run run = cli("test", "--rules", TestRules.FOLDER.toString(), "--filter", "no such scenario at all");

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("matches --filter 'no such scenario at all'"), run.err());
    }

    @Test
    void aFileRunsItsScenariosWithACoverageSummary() throws Exception {
        Path file = Files.writeString(temp.resolve("one.yaml"), ONE);

        Run run = cli("test", file.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals("1 passed, 0 failed", lastLine(run), run.out());
        assertFalse(run.out().contains("rules (scenarios that fired each)"), run.out());
        assertTrue(run.out().contains("(--coverage full lists them)"), run.out());
    }

    @Test
    void aRefusedRequestShowsItsErrorFirst() throws Exception {
        Path file = Files.writeString(temp.resolve("typo.yaml"), ONE.replace("[DOCUMENTI]", "[WOOCOMERCE]"));

        Run run = cli("test", file.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.out()
                        .contains("the request was refused: INVALID_REQUEST at cart.modules[0]: "
                                + "cart.modules[0]: unknown value"),
                run.out());
    }

    @Test
    void anUnknownExpectKeyIsAnErrorAtItsLineAndColumn() throws Exception {
        Path file = Files.writeString(temp.resolve("key.yaml"), ONE.replace("expect: { items:", "expect: { item:"));

        Run run = cli("test", file.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.out().contains("key.yaml:9:15: scenario 'documenti is accepted', expect: unknown key 'item'"),
                run.out());
    }

    @Test
    void anUnknownGivenKeyIsAnErrorAtItsLineAndColumn() throws Exception {
        Path file = Files.writeString(temp.resolve("given.yaml"), ONE.replace("cart: { modules:", "cart: { module:"));

        Run run = cli("test", file.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.out().contains("given.yaml:8:22: scenario 'documenti is accepted': unknown key 'module'"),
                run.out());
    }

    @Test
    void updateRewritesExactlyTheChangedValuesKeepsCommentsAndTheNextRunPasses() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace(
                        "catalog.yaml",
                        "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                        "price: \"35.00\"     # *\n  - code: DOCUMENTI");
        Path scenarios = rules.folder().resolve("scenarios");
        String before = Files.readString(scenarios.resolve("term-and-pricing.yaml"));

        Run failing = cli("test", "--rules", rules.folder().toString());
        Run update = cli("test", "--rules", rules.folder().toString(), "--update");
        Run after = cli("test", "--rules", rules.folder().toString());

        assertEquals(1, failing.exit(), "the price change breaks scenarios: " + lastLine(failing));
        assertEquals(0, update.exit(), update.out());
        assertTrue(
                update.out().lines().anyMatch(l -> l.startsWith("updated scenarios/") || l.startsWith("updated ")),
                update.out());
        assertTrue(update.out().contains("\"30.00\" → \"35.00\""), update.out());
        assertEquals(0, after.exit(), after.out());
        String updated = Files.readString(scenarios.resolve("term-and-pricing.yaml"));
        assertEquals(comments(before), comments(updated), "every comment kept");
        assertEquals(before.lines().count(), updated.lines().count(), "no line added or removed");
        long changedLines = diffLines(before, updated);
        long reported = update.out()
                .lines()
                .filter(l -> l.startsWith("updated ") && l.contains("term-and-pricing.yaml"))
                .count();
        assertTrue(
                changedLines > 0 && changedLines <= reported,
                changedLines + " lines changed, " + reported + " reported");
    }

    @Test
    void updateLeavesPassingScenariosUntouched() throws Exception {
        Path file = Files.writeString(temp.resolve("one.yaml"), ONE);

        Run run = cli("test", file.toString(), "--rules", TestRules.FOLDER.toString(), "--update");

        assertEquals(0, run.exit());
        assertEquals(ONE, Files.readString(file));
        assertTrue(run.out().contains("0 expected value(s) updated"), run.out());
    }

    @Test
    void checkSuggestsUpdateWhenScenariosFail() {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace(
                        "catalog.yaml",
                        "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                        "price: \"35.00\"     # *\n  - code: DOCUMENTI");

        Run run = cli("check", rules.folder().toString());

        assertEquals(1, run.exit());
        assertTrue(run.out().contains("test --rules " + rules.folder() + " --update"), run.out());
        assertTrue(
                run.out().lines().anyMatch(l -> l.matches("scenarios/[\\w-]+\\.yaml:[1-9]\\d*:0: scenario .*")),
                "located at the scenario's line: " + run.out());
    }

    @Test
    void recordOnAnInvalidRequestSaysWhatIsWrongInOneLine() throws Exception {
        Path request = Files.writeString(
                temp.resolve("bad.json"), "{\"channel\": \"PANEL\", \"cart\": {\"modules\": [\"WOOCOMERCE\"]}}");

        Run run = cli("record", request.toString(), "--rules", TestRules.FOLDER.toString());

        assertEquals(1, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("record: the request is not valid: cart.modules[0]: unknown value"), run.err());
        assertFalse(run.err().contains("FieldProblem"), run.err());
    }

    @ParameterizedTest(name = "{0} --help prints its usage and exits 0")
    @ValueSource(strings = {"test", "check", "diff", "record", "smoke", "configmap", "health", "serve"})
    void everyCommandHasHelp(String command) {
        Run run = cli(command, "--help");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("usage: java -jar addon-configurator.jar " + command), run.out());
    }

    private static List<String> comments(String text) {
        return text.lines()
                .filter(l -> l.contains("#"))
                .map(l -> l.substring(l.indexOf('#')))
                .toList();
    }

    private static long diffLines(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        long n = 0;
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            n += x.get(i).equals(y.get(i)) ? 0 : 1;
        }
        return n;
    }
}
