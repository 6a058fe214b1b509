package com.addonconfigurator.app;

import com.addonconfigurator.rules.RulesFolder;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder by its content: a few times a second it hashes the folder; once a change
 * has stayed still for the debounce time, it reloads. Hashing content (not file events) sees every
 * kind of edit alike: an editor's bursts, a git pull, a Kubernetes ConfigMap's symlink swap, or the
 * folder itself being a link that is repointed.
 */
final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    private static final long POLL_MS = 200;

    private final Path folder;
    private final long debounceMs;
    private final Runnable reload;
    private final Thread thread;
    private volatile boolean running = true;

    private final String loadedVersion;

    /** @param loadedVersion the version of the folder as last loaded (null when it failed to load) */
    RulesWatcher(Path folder, String loadedVersion, long debounceMs, Runnable reload) {
        this.folder = folder;
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
        String seen = loadedVersion;
        String pending = null;
        long changedAt = 0;
        while (running) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
            String now = RulesFolder.fingerprint(folder);
            if (Objects.equals(now, seen)) {
                pending = null;
                continue;
            }
            if (!Objects.equals(now, pending)) {
                pending = now;
                changedAt = System.nanoTime();
                continue;
            }
            if ((System.nanoTime() - changedAt) / 1_000_000 >= debounceMs) {
                LOG.info("rules folder changed ({} -> {}): reloading", seen, now);
                seen = now;
                pending = null;
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    LOG.error("reload failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
