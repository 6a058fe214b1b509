package com.addonconfigurator.app;

import com.addonconfigurator.rules.RulesFolder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder by its content: a few times a second it hashes the folder; once a change
 * has stayed still for the debounce time, it reloads. Hashing content (not file events) sees every
 * kind of edit alike: an editor's bursts, a git pull, a Kubernetes ConfigMap's symlink swap, or the
 * folder itself being a link that is repointed. Only the files a ruleset is made of are hashed,
 * within the folder's size limits. Whatever goes wrong in one round (a JVM error too) is recorded
 * as a failed attempt, and the watcher goes on watching.
 */
final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    private static final long POLL_MS = 200;

    private final Path folder;
    private final RulesFolder.Limits limits;
    private final long debounceMs;
    private final Runnable reload;
    private final Consumer<String> onFailure;
    private final Thread thread;
    private volatile boolean running = true;

    private final String loadedVersion;

    /**
     * @param loadedVersion the version of the folder as last loaded (null when it failed to load)
     * @param onFailure     told of a round that failed outside the reload itself
     */
    RulesWatcher(
            Path folder,
            RulesFolder.Limits limits,
            String loadedVersion,
            long debounceMs,
            Runnable reload,
            Consumer<String> onFailure) {
        this.folder = folder;
        this.limits = limits;
        this.onFailure = onFailure;
        this.loadedVersion = loadedVersion;
        this.debounceMs = debounceMs;
        this.reload = reload;
        this.thread = new Thread(this::loop, "rules-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        Round round = new Round(loadedVersion);
        while (running) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                round.next();
            } catch (ThreadDeath death) {
                throw death;
            } catch (Throwable e) {
                LOG.error("rules watcher: a round failed; watching on", e);
                try {
                    onFailure.accept("the rules watcher failed: " + e.getClass().getSimpleName());
                } catch (RuntimeException ignored) {
                    // recording is best effort: the watcher goes on
                }
            }
        }
    }

    /** What the watcher has seen so far, and one look at the folder. */
    private final class Round {
        private String seen;
        private String pending;
        private long changedAt;

        Round(String seen) {
            this.seen = seen;
        }

        void next() {
            String now = RulesFolder.fingerprint(folder, limits);
            if (Objects.equals(now, seen)) {
                pending = null;
                return;
            }
            if (!Objects.equals(now, pending)) {
                pending = now;
                changedAt = System.nanoTime();
                return;
            }
            if ((System.nanoTime() - changedAt) / 1_000_000 >= debounceMs) {
                LOG.info("rules folder changed ({} -> {}): reloading", seen, now);
                seen = now;
                pending = null;
                reload.run();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
