package com.addonconfigurator.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the active ruleset and swaps it atomically. A reload builds a complete candidate and, only
 * when it passes every gate, makes it active; otherwise the active ruleset stays and the failure is
 * recorded. A request reads the active ruleset once and finishes on it.
 */
public final class RulesetRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RulesetRegistry.class);

    /** A check a candidate must pass before it becomes active (e.g. the QA scenarios). */
    public interface Gate {
        List<ReloadAttempt.ScenarioFailure> check(Ruleset candidate, Path folder);
    }

    private final Path folder;
    private final RulesetLoader loader;
    private final Gate gate;
    private final Clock clock;
    private final AtomicReference<Ruleset> active = new AtomicReference<>();
    private final AtomicReference<ReloadAttempt> lastAttempt = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private final java.util.function.Consumer<ReloadAttempt> onAttempt;

    public RulesetRegistry(Path folder, RulesetLoader loader, Gate gate, Clock clock) {
        this(folder, loader, gate, clock, attempt -> {});
    }

    /** @param onAttempt told of every attempt once it is recorded (for metrics) */
    public RulesetRegistry(
            Path folder,
            RulesetLoader loader,
            Gate gate,
            Clock clock,
            java.util.function.Consumer<ReloadAttempt> onAttempt) {
        this.folder = folder;
        this.loader = loader;
        this.gate = gate;
        this.clock = clock;
        this.onAttempt = onAttempt;
    }

    /** The active ruleset, or null before the first successful load. */
    public Ruleset active() {
        return active.get();
    }

    public ReloadAttempt lastAttempt() {
        return lastAttempt.get();
    }

    public Path folder() {
        return folder;
    }

    /** Builds the folder, gates it, and activates it when it passes; waits for a reload in progress. */
    public ReloadAttempt reload() {
        reloading.lock();
        try {
            return attempt();
        } finally {
            reloading.unlock();
        }
    }

    /** As {@link #reload()}, but empty at once when another reload is in progress (never waits). */
    public Optional<ReloadAttempt> reloadUnlessBusy() {
        if (!reloading.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(attempt());
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Records an attempt that failed before the folder could be built (the watcher's own failure,
     * say), so that it shows where every other reload's outcome does.
     */
    public void recordFailure(String message) {
        record(new ReloadAttempt(
                ReloadAttempt.FAILED, clock.instant(), null, List.of(new Problem(".", 0, 0, message)), List.of()));
    }

    private ReloadAttempt attempt() {
        ReloadAttempt attempt;
        try {
            long started = System.nanoTime();
            Ruleset candidate = loader.load(folder);
            long built = System.nanoTime();
            List<ReloadAttempt.ScenarioFailure> failures = gate.check(candidate, folder);
            long gated = System.nanoTime();
            if (failures.isEmpty()) {
                Ruleset previous = active.getAndSet(candidate);
                attempt = new ReloadAttempt(
                        ReloadAttempt.LOADED, clock.instant(), candidate.version(), List.of(), List.of());
                LOG.info(
                        "ruleset {} active (was {}); built in {} ms{}, scenarios passed in {} ms",
                        candidate.version(),
                        previous == null ? "none" : previous.version(),
                        (built - started) / 1_000_000,
                        candidate.compiledFromCache() ? " (compiled rules from the cache)" : "",
                        (gated - built) / 1_000_000);
            } else {
                attempt = new ReloadAttempt(
                        ReloadAttempt.FAILED, clock.instant(), candidate.version(), List.of(), failures);
                LOG.warn(
                        "ruleset {} refused: {} scenario(s) failed; {} stays active",
                        candidate.version(),
                        failures.size(),
                        activeVersion());
            }
        } catch (RulesetLoadException e) {
            attempt = new ReloadAttempt(ReloadAttempt.FAILED, clock.instant(), null, e.problems(), List.of());
            LOG.warn("rules folder refused, {} stays active: {}", activeVersion(), e.problems());
        } catch (ThreadDeath death) {
            throw death;
        } catch (Throwable e) {
            // Anything at all (a JVM error too): the active ruleset stays, and the attempt says why.
            attempt = new ReloadAttempt(
                    ReloadAttempt.FAILED,
                    clock.instant(),
                    null,
                    List.of(new Problem(
                            ".", 0, 0, "the reload failed: " + e.getClass().getSimpleName())),
                    List.of());
            LOG.error("rules folder refused, {} stays active", activeVersion(), e);
        }
        record(attempt);
        return attempt;
    }

    private void record(ReloadAttempt attempt) {
        lastAttempt.set(attempt);
        onAttempt.accept(attempt);
    }

    private String activeVersion() {
        Ruleset r = active.get();
        return r == null ? "no ruleset" : r.version();
    }
}
