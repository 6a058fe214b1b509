package com.addonconfigurator.rules.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule packages kept on disk, so that a restart with unchanged DRL files skips the Drools
 * compile (the larger part of a cold start). An entry is found by a hash of the DRL files (paths
 * and contents) and of the code that compiled them ({@link CacheFolder}). Whatever goes wrong with
 * the cache (an unreadable, truncated or foreign entry, a folder that cannot be written) only costs
 * a compile: the entry is dropped and the rules are compiled as if there were no cache.
 */
public final class CompiledRulesCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
    /** No cache: every load compiles. */
    public static final CompiledRulesCache NONE = new CompiledRulesCache(null);
    /** Entries kept; the least recently used beyond are deleted. */
    static final int KEPT = CacheFolder.KEPT;

    private static final String SUFFIX = ".rules";

    private final CacheFolder folder;

    private CompiledRulesCache(CacheFolder folder) {
        this.folder = folder;
    }

    /** A cache in the folder, created (owner-only) on the first write; no folder (null): {@link #NONE}. */
    public static CompiledRulesCache in(Path folder) {
        return folder == null ? NONE : new CompiledRulesCache(new CacheFolder(folder));
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The packages compiled earlier from these DRL files by this code, or null. */
    public Collection<KiePackage> read(Map<String, byte[]> drl) {
        if (folder == null || !folder.readable()) {
            return null;
        }
        Path entry = entry(drl);
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        List<KiePackage> packages = new ArrayList<>();
        try (var in = new DroolsObjectInputStream(
                new ByteArrayInputStream(Files.readAllBytes(entry)), CompiledRulesCache.class.getClassLoader())) {
            for (Object o : (List<?>) in.readObject()) {
                packages.add((KiePackage) o);
            }
        } catch (Exception | LinkageError e) {
            LOG.warn(
                    "compiled rules cache: entry {} unreadable, compiling instead: {}",
                    entry.getFileName(),
                    e.toString());
            CacheFolder.delete(entry);
            return null;
        }
        CacheFolder.touch(entry);
        return packages;
    }

    /** Keeps the packages compiled from these DRL files; a failure is logged, never thrown. */
    public void write(Map<String, byte[]> drl, Collection<KiePackage> packages) {
        if (folder == null) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
            try (var out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(packages));
            }
            folder.store(entry(drl), bytes.toByteArray(), SUFFIX);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "compiled rules cache: cannot write to {} (rules will be compiled at every start): {}",
                    folder.path(),
                    e.toString());
        }
    }

    Path entry(Map<String, byte[]> drl) {
        List<byte[]> parts = new ArrayList<>();
        drl.forEach((path, bytes) -> {
            parts.add(path.getBytes(StandardCharsets.UTF_8));
            parts.add(bytes);
        });
        return folder.named(SUFFIX, parts.toArray(byte[][]::new));
    }
}
