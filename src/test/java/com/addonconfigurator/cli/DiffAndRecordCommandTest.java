package com.addonconfigurator.cli;

import static com.addonconfigurator.cli.CheckCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.cli.CheckCommandTest.Run;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}: what a rules change changes; {@code record}: a scenario from today's answer. */
class DiffAndRecordCommandTest {
    @TempDir
    Path temp;

    private final ObjectMapper mapper = new ObjectMapper();

    private static String lastLine(Run run) {
        List<String> lines = run.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void identicalRulesetsDifferInNothing() {
        RulesCopy copy = RulesCopy.into(temp.resolve("same"));

        Run run = cli(
                "diff",
                "--base",
                TestRules.FOLDER.toString(),
                "--candidate",
                copy.folder().toString());

        assertEquals(0, run.exit(), run.out());
        assertTrue(lastLine(run).matches("0 of [1-9]\\d* requests differ"), lastLine(run));
    }

    @Test
    void aPriceAndAConditionChangedShowEveryAffectedRequestBeforeAndAfter() throws Exception {
        RulesCopy copy = RulesCopy.into(temp.resolve("candidate"))
                .replace(
                        "catalog.yaml",
                        "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                        "price: \"35.00\"\n  - code: DOCUMENTI")
                .replace(
                        "dependencies.drl",
                        "$item : Item( code == \"WOOCOMMERCE\" )",
                        "$item : Item( code == \"ORDINI_ELETTRONICI\" )");
        Path carts = temp.resolve("carts.jsonl");
        Files.writeString(
                carts,
                mapper.writeValueAsString(Map.of(
                                "evaluationDate",
                                "2026-11-28",
                                "channel",
                                "PANEL",
                                "account",
                                Map.of("plan", "FE", "expiresOn", "2027-11-28"),
                                "cart",
                                Map.of("modules", List.of("ORDINI_ELETTRONICI"))))
                        + "\n\n"
                        + mapper.writeValueAsString(Map.of(
                                "evaluationDate",
                                "2026-11-28",
                                "channel",
                                "PANEL",
                                "account",
                                Map.of("plan", "FE", "expiresOn", "2027-11-28"),
                                "cart",
                                Map.of("users", 1)))
                        + "\n");

        Run run = cli(
                "diff",
                "--base",
                TestRules.FOLDER.toString(),
                "--candidate",
                copy.folder().toString(),
                "--carts",
                carts.toString());

        assertEquals(1, run.exit(), run.out());
        String out = run.out();
        assertTrue(out.contains("scenarios/next-steps-and-cart.yaml › the api.md example\n"), out);
        assertTrue(out.contains("  pricing.lines.INCASSI_PAGAMENTI.amount: \"30.00\" → \"35.00\""), out);
        assertTrue(out.contains("  items.WOOCOMMERCE.status: \"REJECTED\" → \"ACCEPTED\""), out);
        assertTrue(out.contains(carts + ":1\n  checkoutAllowed: true → false"), out);
        assertTrue(out.contains("  items.ORDINI_ELETTRONICI.reasons: [] → [\"REQUIRES_DOCUMENTI\"]"), out);
        assertTrue(!out.contains(carts + ":3"), "the users-only cart does not change: " + out);
        assertTrue(lastLine(run).matches("[1-9]\\d* of [1-9]\\d* requests differ"), lastLine(run));
    }

    @Test
    void diffNeedsBothFolders() {
        assertEquals(2, cli("diff", "--base", TestRules.FOLDER.toString()).exit());
        assertEquals(
                2,
                cli(
                                "diff",
                                "--base",
                                TestRules.FOLDER.toString(),
                                "--candidate",
                                temp.resolve("none").toString())
                        .exit());
    }

    @Test
    void aRecordedScenarioPassesAsItIs() throws Exception {
        Path request = temp.resolve("request.json");
        Files.copy(getClass().getResourceAsStream("/api-example/request.json"), request);

        Run recorded = cli(
                "record", request.toString(), "--rules", TestRules.FOLDER.toString(), "--name", "recorded api example");

        assertEquals(0, recorded.exit(), recorded.err());
        assertTrue(recorded.out().contains("amount: \"16.67\""), recorded.out());
        Path scenarios = Files.createDirectories(temp.resolve("s"));
        Files.writeString(scenarios.resolve("recorded.yaml"), recorded.out());
        Run replay = cli("test", scenarios.toString(), "--rules", TestRules.FOLDER.toString());
        assertEquals("1 passed, 0 failed", lastLine(replay), replay.out());
    }

    @Test
    void recordReadsStandardInputAndWritesInTheEvaluationDate() throws Exception {
        byte[] request = mapper.writeValueAsBytes(Map.of(
                "channel",
                "PANEL",
                "account",
                Map.of("plan", "FE", "expiresOn", "2030-01-01"),
                "cart",
                Map.of("modules", List.of("DOCUMENTI"))));

        Run run = cli(new ByteArrayInputStream(request), "record", "-", "--rules", TestRules.FOLDER.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s).*evaluationDate: \"\\d{4}-\\d{2}-\\d{2}\".*"), run.out());
        assertTrue(run.out().contains("status: \"ACCEPTED\""), run.out());
    }

    @Test
    void recordRefusesWhatIsNotJson() {
        Run run = cli(new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), "record", "-");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("record: cannot read a JSON request"), run.err());
    }
}
