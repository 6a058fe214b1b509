package com.addonconfigurator.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.cache.ScenarioPasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate runs every scenario, except for a folder whose scenarios already passed with this build. */
class ScenarioGateTest {
    @TempDir
    Path temp;

    /** Evaluations the gate ran (the engine tells its observer after each one). */
    private final AtomicInteger evaluations = new AtomicInteger();

    private ScenarioGate gate(Path cache, int firingLimit) {
        return new ScenarioGate(
                new RuleEngine(firingLimit, firings -> evaluations.incrementAndGet()),
                Clock.systemUTC(),
                null,
                ScenarioPasses.in(cache));
    }

    private ScenarioGate gate(Path cache) {
        return gate(cache, RuleEngine.DEFAULT_FIRING_LIMIT);
    }

    private static Ruleset load(RulesCopy rules) throws Exception {
        return new RulesetLoader(Clock.systemUTC()).load(rules.folder());
    }

    /** Runs one check and answers how many evaluations it ran. */
    private int evaluationsOf(
            ScenarioGate gate, Ruleset candidate, RulesCopy rules, List<ReloadAttempt.ScenarioFailure> expected) {
        evaluations.set(0);
        assertEquals(expected, gate.check(candidate, rules.folder()));
        return evaluations.get();
    }

    /** A copy of the project's rules, loaded, whose scenarios passed once with the cache at {@code cache}. */
    private record Passed(RulesCopy rules, Path cache, Ruleset candidate) {}

    private Passed passedOnce() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        Path cache = temp.resolve("cache");
        Ruleset candidate = load(rules);
        assertEquals(List.of(), gate(cache).check(candidate, rules.folder()));
        return new Passed(rules, cache, candidate);
    }

    private static long marks(Path cache) throws Exception {
        try (Stream<Path> list = Files.list(cache)) {
            return list.filter(p -> p.toString().endsWith(".passed")).count();
        }
    }

    @Test
    void aFolderWhoseScenariosPassedIsNotRunAgainByTheSameBuild() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        Path cache = temp.resolve("cache");
        Ruleset candidate = load(rules);

        assertTrue(
                evaluationsOf(gate(cache), candidate, rules, List.of()) >= 40, "the first check runs every scenario");
        assertEquals(1, marks(cache));
        assertEquals(0, evaluationsOf(gate(cache), load(rules), rules, List.of()), "a restart's gate runs none");
    }

    @Test
    void aChangedScenarioRunsThemAllAgainAndItsFailureIsReported() throws Exception {
        Passed passed = passedOnce();
        RulesCopy rules = passed.rules();
        Path cache = passed.cache();

        rules.replace("scenarios/term-and-pricing.yaml", "gross: \"91.50\"", "gross: \"91.51\"");
        List<ReloadAttempt.ScenarioFailure> failures = gate(cache).check(load(rules), rules.folder());

        assertEquals(1, failures.size(), failures.toString());
        assertEquals("scenarios/term-and-pricing.yaml", failures.get(0).file());
        assertTrue(evaluations.get() >= 40);
    }

    @Test
    void aChangedRuleFolderRunsThemAgain() throws Exception {
        Passed passed = passedOnce();
        RulesCopy rules = passed.rules();
        Path cache = passed.cache();

        Files.writeString(rules.file("pricing.drl"), Files.readString(rules.file("pricing.drl")) + "\n// edited\n");

        assertTrue(evaluationsOf(gate(cache), load(rules), rules, List.of()) >= 40);
        assertEquals(2, marks(cache), "the edited folder passed too, and is remembered beside the first");
    }

    @Test
    void aFolderWhoseScenariosFailedIsNeverRemembered() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace("scenarios/term-and-pricing.yaml", "gross: \"91.50\"", "gross: \"91.51\"");
        Path cache = temp.resolve("cache");
        Ruleset candidate = load(rules);

        assertEquals(1, gate(cache).check(candidate, rules.folder()).size());
        assertEquals(1, gate(cache).check(candidate, rules.folder()).size());
        assertTrue(evaluations.get() >= 80, "both checks ran every scenario: " + evaluations.get());
        assertFalse(Files.exists(cache) && marks(cache) > 0);
    }

    @Test
    void anotherFiringLimitIsAnotherVerdict() throws Exception {
        Passed passed = passedOnce();

        assertFalse(
                gate(passed.cache(), 3)
                        .check(passed.candidate(), passed.rules().folder())
                        .isEmpty(),
                "three firings are too few for the scenarios");
        assertEquals(1, marks(passed.cache()), "only the limit that passed is remembered");
    }

    @Test
    void aPassRememberedInAFolderOthersMayWriteToIsNotTrusted() throws Exception {
        Passed passed = passedOnce();

        Files.setPosixFilePermissions(passed.cache(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertTrue(evaluationsOf(gate(passed.cache()), passed.candidate(), passed.rules(), List.of()) >= 40);
    }

    @Test
    void withoutACacheEveryCheckRunsTheScenarios() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        Ruleset candidate = load(rules);
        ScenarioGate gate = new ScenarioGate(
                new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT, firings -> evaluations.incrementAndGet()),
                Clock.systemUTC());

        assertEquals(List.of(), gate.check(candidate, rules.folder()));
        assertEquals(List.of(), gate.check(candidate, rules.folder()));
        assertTrue(evaluations.get() >= 80, "both checks ran every scenario: " + evaluations.get());
    }
}
