package com.addonconfigurator.cli;

import static com.addonconfigurator.cli.CheckCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code boundaries}: what changes in the answers on each day the catalog or a scheduled rule changes. */
class BoundariesCommandTest {
    @TempDir
    Path temp;

    @Test
    void theShippedRulesListTheirScheduledChangesAndTheScenariosEachChanges() {
        CheckCommandTest.Run run = cli("boundaries", "--rules", "rules", "--from", "2026-12-01");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("2027-02-01: price ORDINI_ELETTRONICI 25.00 → 28.00"), run.out());
        assertTrue(run.out().contains("pricing.lines.ORDINI_ELETTRONICI.amount: \"25.00\" → \"28.00\""), run.out());
        assertTrue(
                run.out().contains("2027-07-01: promotion DOCUMENTI_FREE_WITH_NEW_FE in force → not in force"),
                run.out());
        assertTrue(run.out().contains("pricing.lines.DOCUMENTI.amount: \"0.00\" → \"20.00\""), run.out());
        // a scenario that tests a period keeps its own date: it is not moved to the boundary
        assertFalse(run.out().contains("costs 25.00 until 31 January 2027"), run.out());
    }

    @Test
    void withTheChangesRemovedNothingDiffersAndTheExitIs0() {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace(
                        "catalog.yaml",
                        "      - { until: 2027-02-01, value: \"25.00\" }\n      - { from: 2027-02-01, value: \"28.00\" }",
                        "      - { value: \"25.00\" }")
                .replace("catalog.yaml", "    until: 2027-07-01      # the last day is 30 June 2027\n", "");
        CheckCommandTest.Run run = cli("boundaries", "--rules", rules.folder().toString(), "--from", "2026-12-01");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("0 boundaries from 2026-12-01; 0 answers differ"), run.out());
    }

    @Test
    void aScenarioThatSaysMovesIsMovedToTheBoundary() {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace(
                        "scenarios/term-and-pricing.yaml",
                        "    tags: [pricing, scheduled]\n    given:\n      evaluationDate: \"2027-01-31\"",
                        "    tags: [pricing, scheduled]\n    moves: true\n    given:\n      evaluationDate: \"2027-01-31\"");
        CheckCommandTest.Run run = cli("boundaries", "--rules", rules.folder().toString(), "--to", "2027-03-01");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("costs 25.00 until 31 January 2027"), run.out());
        assertFalse(run.out().contains("2027-07-01"), "--to ends the range: " + run.out());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAUsageError() {
        CheckCommandTest.Run run = cli("boundaries", "--from", "2027-03-01", "--to", "2027-01-01");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--to (2027-01-01) is before --from (2027-03-01)"), run.err());
        assertTrue(run.err().contains("usage:"), run.err());
        assertEquals(2, cli("boundaries", "--from", "soon").exit());
    }
}
