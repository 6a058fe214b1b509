package com.addonconfigurator.scenarios;

import com.addonconfigurator.hashing.Sha256;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import com.addonconfigurator.rules.cache.ScenarioPasses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A candidate ruleset becomes active only when every scenario passes against it. With a cache, a
 * candidate whose scenarios all passed before is not run again: the scenarios fix their evaluation
 * date and the rules may not read the clock or draw chance ({@link com.addonconfigurator.rules.DrlGuard}),
 * so their results depend only on the rules folder, the scenario files, the firing limit and the
 * code (which the cache's key holds); a failure is never remembered.
 */
public final class ScenarioGate implements RulesetRegistry.Gate {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioGate.class);
    private final ScenarioRunner runner;
    private final int firingLimit;
    private final Path scenarios;
    private final ScenarioPasses passes;

    /** Gates on the scenarios/ folder of the rules folder being loaded, running them at every check. */
    public ScenarioGate(RuleEngine engine, Clock clock) {
        this(engine, clock, null, ScenarioPasses.NONE);
    }

    /**
     * @param scenarios the scenarios folder; null: the rules folder's scenarios/
     * @param passes    where the candidates that passed are remembered ({@link ScenarioPasses#NONE}: nowhere)
     */
    public ScenarioGate(RuleEngine engine, Clock clock, Path scenarios, ScenarioPasses passes) {
        this.runner = new ScenarioRunner(engine, clock, false);
        this.firingLimit = engine.firingLimit();
        this.scenarios = scenarios;
        this.passes = passes;
    }

    @Override
    public List<ReloadAttempt.ScenarioFailure> check(Ruleset candidate, Path folder) {
        Path dir = scenarios != null ? scenarios : folder.resolve("scenarios");
        String key = passes.enabled() ? key(candidate, dir) : null;
        if (key != null && passes.passedBefore(key)) {
            LOG.info(
                    "ruleset {}: its scenarios passed before with these files and this build; not run again",
                    candidate.version());
            return List.of();
        }
        List<ReloadAttempt.ScenarioFailure> failures = runner.runFolder(candidate, dir, "scenarios/").stream()
                .filter(r -> !r.passed())
                .map(r -> new ReloadAttempt.ScenarioFailure(
                        r.file(), r.scenario() == null ? 0 : r.scenario().line(), r.name(), r.differences()))
                .toList();
        // Remembered only when no scenario file changed while they ran (the run read them again).
        if (key != null && failures.isEmpty() && key.equals(key(candidate, dir))) {
            passes.rememberPassed(key);
        }
        return failures;
    }

    /**
     * What decides the scenarios' results, apart from the code: the rules folder's content, every
     * scenario file (they may lie outside it), and the firing limit. Null when a file cannot be read
     * (the scenarios then run, and report it).
     */
    private String key(Ruleset candidate, Path dir) {
        try {
            MessageDigest digest = Sha256.digest();
            digest.update(("scenario gate v1\0firing limit " + firingLimit + "\0rules " + candidate.contentHash())
                    .getBytes(StandardCharsets.UTF_8));
            for (Path file : ScenarioReader.files(dir)) {
                digest.update((byte) 0);
                digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return Sha256.hex(digest);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
