package com.addonconfigurator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.scenarios.ScenarioReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar … smoke [RULES_DIR]}: does this jar serve these rules over HTTP? */
class SmokeCommandTest {
    @TempDir
    Path temp;

    @Test
    @Timeout(120)
    void smokeServesTheProjectsRulesAndSendsEveryScenarioRequestOverHttp() throws Exception {
        int scenarios = 0;
        ScenarioReader reader = new ScenarioReader();
        for (Path file : ScenarioReader.files(TestRules.FOLDER.resolve("scenarios"))) {
            scenarios += reader.read(file, file.getFileName().toString()).size();
        }

        CheckCommandTest.Run run = CheckCommandTest.cli("smoke", TestRules.FOLDER.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(
                run.out()
                        .matches("smoke: ruleset " + TestRules.project().version() + " served; " + scenarios
                                + " scenario request\\(s\\) over HTTP, answered \\{200=\\d+(, 400=\\d+)?}\\R"),
                run.out());
    }

    @Test
    @Timeout(120)
    void smokeOfAFolderThatDoesNotBuildExitsOneAndNamesTheProblem() {
        RulesCopy copy = RulesCopy.into(temp)
                .replace("cart.drl", "    not Reason( item == $code )", "    not Reason( item == )");
        int line = copy.lineOf("cart.drl", "not Reason( item == )");

        CheckCommandTest.Run run = CheckCommandTest.cli("smoke", copy.folder().toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("were not served: cart.drl:" + line + ":"), run.err());
    }

    @Test
    void smokeTakesOneFolderAtMost() {
        CheckCommandTest.Run run = CheckCommandTest.cli("smoke", "a", "b");

        assertEquals(Cli.USAGE, run.exit());
        assertTrue(run.err().startsWith("usage: java -jar addon-configurator.jar smoke"), run.err());
    }
}
