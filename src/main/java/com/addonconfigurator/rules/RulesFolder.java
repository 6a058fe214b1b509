package com.addonconfigurator.rules;

import com.addonconfigurator.hashing.Sha256;
import java.io.IOException;
import java.io.InputStream;
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
 * The analysts' rules folder as files: the files a ruleset is made of (the DRL files, the catalog,
 * the messages and the scenarios' YAML), by their paths relative to the folder, and the content
 * hash that names a ruleset version. Other files, hidden ones and Kubernetes' {@code ..data}
 * folders are not part of it. Every file has a size limit and the whole a total, so that no file
 * dropped in the folder can make a load or the watcher read without end.
 */
public final class RulesFolder {
    public static final String CATALOG = "catalog.yaml";
    public static final String MESSAGES = "messages.yaml";
    public static final String SCENARIOS = "scenarios/";

    /**
     * How large the folder's files may be.
     *
     * @param maxFileBytes  one file at most ({@code RULES_MAX_FILE_BYTES})
     * @param maxTotalBytes all of them together at most ({@code RULES_MAX_FOLDER_BYTES})
     */
    public record Limits(long maxFileBytes, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(1024 * 1024, 8 * 1024 * 1024);
    }

    private RulesFolder() {}

    /** Whether a file (by its path in the folder) is part of a ruleset. */
    static boolean isRulesetFile(String path) {
        return isDrl(path)
                || path.equals(CATALOG)
                || path.equals(MESSAGES)
                || (path.startsWith(SCENARIOS) && (path.endsWith(".yaml") || path.endsWith(".yml")));
    }

    /**
     * Every file of the ruleset by its relative path. Follows the folder's own link (a swapped
     * symlink is seen) and links inside it, but refuses a file whose real path lies outside the
     * folder, and a file or a whole over the limits. Problems are added to {@code problems}.
     */
    static Map<String, byte[]> readAll(Path folder, Limits limits, List<Problem> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            problems.add(new Problem(".", 0, 0, "the rules folder does not exist or cannot be read"));
            return files;
        }
        if (!Files.isDirectory(root)) {
            problems.add(new Problem(".", 0, 0, "the rules folder is not a folder"));
            return files;
        }
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()
                        || rel.startsWith(".")
                        || rel.contains("/.")
                        || !isRulesetFile(rel)
                        || !Files.isRegularFile(p)) {
                    continue;
                }
                Path real = p.toRealPath();
                if (!real.startsWith(root)) {
                    problems.add(new Problem(rel, 0, 0, "leads outside the rules folder; refused"));
                    continue;
                }
                long size = Files.size(real);
                if (size > limits.maxFileBytes()) {
                    problems.add(new Problem(
                            rel,
                            0,
                            0,
                            "is " + size + " bytes, over the limit of " + limits.maxFileBytes()
                                    + " bytes a file (RULES_MAX_FILE_BYTES); refused"));
                    continue;
                }
                total += size;
                if (total > limits.maxTotalBytes()) {
                    problems.add(new Problem(
                            rel,
                            0,
                            0,
                            "takes the rules folder over its limit of " + limits.maxTotalBytes()
                                    + " bytes (RULES_MAX_FOLDER_BYTES); refused"));
                    return files;
                }
                files.put(rel, readAtMost(real, limits.maxFileBytes()));
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(
                    ".", 0, 0, "cannot read the rules folder: " + e.getClass().getSimpleName()));
        }
        return files;
    }

    /** A file's bytes, but never more than the limit, even if it grew since its size was read. */
    private static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    /** The version the folder would have now, or null when it cannot be read within the limits. */
    public static String fingerprint(Path folder, Limits limits) {
        List<Problem> problems = new java.util.ArrayList<>();
        Map<String, byte[]> files = readAll(folder, limits, problems);
        return problems.isEmpty() ? version(contentHash(files)) : null;
    }

    /** The version the folder would have now with the default limits. */
    public static String fingerprint(Path folder) {
        return fingerprint(folder, Limits.DEFAULT);
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
