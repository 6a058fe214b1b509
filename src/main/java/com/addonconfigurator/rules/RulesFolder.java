package com.addonconfigurator.rules;

import com.addonconfigurator.hashing.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The analysts' rules folder as files: every regular file by its path relative to the folder, and
 * the content hash that names a ruleset version. Hidden files (and Kubernetes' {@code ..data}
 * folders) are not part of it.
 */
public final class RulesFolder {
    public static final String CATALOG = "catalog.yaml";
    public static final String MESSAGES = "messages.yaml";
    public static final String SCENARIOS = "scenarios/";

    private RulesFolder() {}

    /**
     * Every regular file of the folder by its relative path. Follows the folder's own link (a
     * swapped symlink is seen) and links inside it, but refuses a file whose real path lies outside
     * the folder. Problems are added to {@code problems}.
     */
    static Map<String, byte[]> readAll(Path folder, List<Problem> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            problems.add(new Problem(".", 0, 0, "the rules folder " + folder + " does not exist or cannot be read"));
            return files;
        }
        if (!Files.isDirectory(root)) {
            problems.add(new Problem(".", 0, 0, "the rules folder " + folder + " is not a folder"));
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty() || rel.startsWith(".") || rel.contains("/.") || !Files.isRegularFile(p)) {
                    continue;
                }
                Path real = p.toRealPath();
                if (!real.startsWith(root)) {
                    problems.add(new Problem(rel, 0, 0, "leads outside the rules folder; refused"));
                    continue;
                }
                files.put(rel, Files.readAllBytes(real));
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(".", 0, 0, "cannot read the rules folder: " + e.getMessage()));
        }
        return files;
    }

    /** The version the folder would have now, or null when it cannot be read. */
    public static String fingerprint(Path folder) {
        List<Problem> problems = new java.util.ArrayList<>();
        Map<String, byte[]> files = readAll(folder, problems);
        return problems.isEmpty() ? version(contentHash(files)) : null;
    }

    /** Whether a file of the folder is a rule file (DRL outside the scenarios). */
    static boolean isDrl(String path) {
        return path.endsWith(".drl") && !path.startsWith(SCENARIOS);
    }

    /** A file's text, or null when the folder has no such file. */
    static String text(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A version: the first 12 hex digits of the folder's {@link #contentHash}. */
    static String version(String contentHash) {
        return contentHash.substring(0, 12);
    }

    /** A SHA-256 (hex) over every file's relative path and content. */
    static String contentHash(Map<String, byte[]> files) {
        MessageDigest digest = Sha256.digest();
        for (var e : files.entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(e.getValue());
            digest.update((byte) 0);
        }
        return Sha256.hex(digest);
    }
}
