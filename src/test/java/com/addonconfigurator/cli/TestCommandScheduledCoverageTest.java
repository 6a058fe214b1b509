package com.addonconfigurator.cli;

import static com.addonconfigurator.cli.CheckCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test}'s coverage knows time: a scheduled period no scenario evaluates in is not covered. */
class TestCommandScheduledCoverageTest {
    @TempDir
    Path temp;

    @Test
    void aScheduledPeriodThatNoScenarioEvaluatesInIsNamedAsNotCovered() {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace(
                        "catalog.yaml",
                        "      - { from: 2027-02-01, value: \"28.00\" }",
                        "      - { from: 2027-02-01, until: 2030-01-01, value: \"28.00\" }\n"
                                + "      - { from: 2030-01-01, value: \"30.00\" }");
        CheckCommandTest.Run run = cli("test", "--rules", rules.folder().toString(), "--coverage", "full");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("scheduled periods 4/5"), run.out());
        assertTrue(run.out().contains("price ORDINI_ELETTRONICI from 2030-01-01 = 30.00  NOT COVERED"), run.out());
        assertTrue(run.out().contains("not covered: price ORDINI_ELETTRONICI from 2030-01-01 = 30.00"), run.out());
    }
}
