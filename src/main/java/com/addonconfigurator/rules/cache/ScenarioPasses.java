package com.addonconfigurator.rules.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which rules folders passed their scenarios with this code, kept beside the compiled rules, so
 * that a restart with the same folder need not run them again. A folder that failed is never
 * remembered; without a folder ({@link #NONE}) every load runs them.
 */
public final class ScenarioPasses {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioPasses.class);
    /** Nothing remembered: every load runs the scenarios. */
    public static final ScenarioPasses NONE = new ScenarioPasses(null);

    private static final String SUFFIX = ".passed";

    private final CacheFolder folder;

    private ScenarioPasses(CacheFolder folder) {
        this.folder = folder;
    }

    /** Passes kept in the folder (the compiled rules' folder); no folder (null): {@link #NONE}. */
    public static ScenarioPasses in(Path folder) {
        return folder == null ? NONE : new ScenarioPasses(new CacheFolder(folder));
    }

    public boolean enabled() {
        return folder != null;
    }

    /**
     * Whether {@link #rememberPassed} was told of this key by this same code (the service's and
     * Drools' builds, the Java version). The key names what passed: the rules folder's content, the
     * scenarios and whatever else decides their results.
     */
    public boolean passedBefore(String key) {
        if (folder == null || !folder.readable()) {
            return false;
        }
        Path mark = mark(key);
        if (!Files.isRegularFile(mark)) {
            return false;
        }
        CacheFolder.touch(mark);
        return true;
    }

    /** Remembers that what the key names passed; a failure is logged, never thrown. */
    public void rememberPassed(String key) {
        if (folder == null) {
            return;
        }
        try {
            byte[] text = ("every scenario passed, " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
            folder.store(mark(key), text, SUFFIX);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "rules cache: cannot write to {} (scenarios will run at every start): {}",
                    folder.path(),
                    e.toString());
        }
    }

    private Path mark(String key) {
        return folder.named(
                SUFFIX, "scenarios passed".getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }
}
