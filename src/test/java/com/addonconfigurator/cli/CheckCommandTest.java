package com.addonconfigurator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar … check [RULES_DIR]}: what a reload would say, before the reload. */
class CheckCommandTest {
    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        return cli(new java.io.ByteArrayInputStream(new byte[0]), args);
    }

    static Run cli(java.io.InputStream in, String... args) {
        return cli(Map.of("RULES_CACHE_DIR", "off"), in, args);
    }

    static Run cli(Map<String, String> env, java.io.InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        in)
                .run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theProjectsRulesAreClean() {
        Run run = cli("check", TestRules.FOLDER.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("check: ok, ruleset "), run.out());
    }

    @Test
    void checkStopsTheRulesAtTheFiringLimitAReloadWouldUse() {
        String folder = TestRules.FOLDER.toString();
        Run fromEnv = cli(
                Map.of("RULES_CACHE_DIR", "off", "RULES_FIRING_LIMIT", "2"),
                InputStream.nullInputStream(),
                "check",
                folder);
        Run fromFlag = cli("check", folder, "--firing-limit", "2");
        Run invalid = cli("check", folder, "--firing-limit", "none");

        assertEquals(1, fromEnv.exit(), "every scenario fires more than two rules: " + fromEnv.out());
        assertTrue(fromEnv.out().contains("scenario(s) failed"), fromEnv.out());
        assertEquals(1, fromFlag.exit(), fromFlag.out());
        assertTrue(fromFlag.out().contains("scenario(s) failed"), fromFlag.out());
        assertEquals(2, invalid.exit());
        assertTrue(invalid.err().contains("--firing-limit must be a whole number"), invalid.err());
    }

    @Test
    void checkKeepsTheCompiledRulesForTheNextStart() throws Exception {
        Path cache = temp.resolve("compiled");

        Run run = cli(
                Map.of("RULES_CACHE_DIR", cache.toString()),
                InputStream.nullInputStream(),
                "check",
                TestRules.FOLDER.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(new RulesetLoader(Clock.systemUTC(), CompiledRulesCache.in(cache))
                .load(TestRules.FOLDER)
                .compiledFromCache());
    }

    @Test
    void eachProblemIsPrintedAsPathLineColumnAndTheExitIsOne() {
        RulesCopy copy = RulesCopy.into(temp)
                .replace("cart.drl", "    not Reason( item == $code )", "    not Reason( item == )");
        int line = copy.lineOf("cart.drl", "not Reason( item == )");

        Run run = cli("check", copy.folder().toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("cart\\.drl:" + line + ":\\d+: .+")), run.out());
        assertTrue(
                run.out().lines().reduce((a, b) -> b).orElse("").matches("check: 1 problem\\(s\\) in .*"), run.out());
    }

    @Test
    void aFailingScenarioIsAProblemAtItsFile() {
        RulesCopy copy = RulesCopy.into(temp).replace("catalog.yaml", "price: \"25.00\"", "price: \"26.00\"");

        Run run = cli("check", copy.folder().toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("scenarios/term-and-pricing.yaml:"), run.out());
        assertTrue(run.out().contains("scenario(s) failed"), run.out());
    }

    @Test
    void aUsageErrorExitsTwo() {
        assertEquals(2, cli("check", "a", "b").exit());
        assertEquals(2, cli("check", "--what").exit());
        assertEquals(2, cli("frobnicate").exit());
    }
}
