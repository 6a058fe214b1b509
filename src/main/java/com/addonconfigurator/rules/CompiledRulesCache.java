package com.addonconfigurator.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule packages kept on disk, so that a restart with unchanged DRL files skips the Drools
 * compile (the larger part of a cold start). An entry is found by a hash of the DRL files (paths
 * and contents) and of the code that compiled them (this application's and Drools' classes: their
 * location, size and modification time, and the Java version), so a changed rule or a new build of
 * the service never reads an old entry. Whatever goes wrong with the cache (an unreadable,
 * truncated or foreign entry, a folder that cannot be written) only costs a compile: the entry is
 * dropped and the rules are compiled as if there were no cache.
 *
 * <p>It also remembers which rules folders passed their scenarios with this code ({@link
 * #passedBefore}), so that a restart with the same folder need not run them again; a folder that
 * failed is never remembered, and without the cache every load runs them.
 *
 * <p>The folder is created readable by the service's user only, and a folder that belongs to
 * someone else or that others may write to is not used: entries are Java-serialized objects, to be
 * read only from a folder no one else can write.
 */
public final class CompiledRulesCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
    /** No cache: every load compiles. */
    public static final CompiledRulesCache NONE = new CompiledRulesCache(null);
    /** Entries kept; the least recently used beyond are deleted. */
    static final int KEPT = 8;
    private static final String SUFFIX = ".rules";
    private static final String PASSED = ".passed";
    /** Classes whose code an entry depends on: this application and the Drools modules. */
    private static final List<Class<?>> CODE = List.of(CompiledRulesCache.class,
            org.kie.internal.builder.KnowledgeBuilderFactory.class,
            org.drools.base.definitions.impl.KnowledgePackageImpl.class,
            org.drools.core.rule.JavaDialectRuntimeData.class,
            org.drools.mvel.MVELKnowledgePackageImpl.class,
            org.drools.kiesession.rulebase.InternalKnowledgeBase.class);

    private final Path folder;
    private volatile String codeIdentity;
    private volatile boolean warnedNotPrivate;

    private CompiledRulesCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in the folder, created (owner-only) on the first write; no folder (null): {@link #NONE}. */
    public static CompiledRulesCache in(Path folder) {
        return folder == null ? NONE : new CompiledRulesCache(folder);
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The packages compiled earlier from these DRL files by this code, or null. */
    public Collection<KiePackage> read(Map<String, byte[]> drl) {
        if (!readable()) {
            return null;
        }
        Path entry = entry(drl);
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        List<KiePackage> packages = new ArrayList<>();
        try (var in = new DroolsObjectInputStream(new ByteArrayInputStream(Files.readAllBytes(entry)),
                CompiledRulesCache.class.getClassLoader())) {
            for (Object o : (List<?>) in.readObject()) {
                packages.add((KiePackage) o);
            }
        } catch (Exception | LinkageError e) {
            LOG.warn("compiled rules cache: entry {} unreadable, compiling instead: {}", entry.getFileName(), e.toString());
            delete(entry);
            return null;
        }
        touch(entry);
        return packages;
    }

    /** Whether there is a folder to read entries from, and it is the service's own. */
    private boolean readable() {
        return folder != null && Files.isDirectory(folder) && ownedByUs(folder);
    }

    /** Marks an entry most recently used. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("compiled rules cache: cannot touch {} (a read-only cache is still read): {}", entry, e.toString());
        }
    }

    /**
     * Whether the folder is the service's own: owned by its user and writable by no one else. An
     * entry is Java-serialized objects, and reading objects someone else could have planted would
     * run their code; such a folder is not used (the rules are compiled), with a warning.
     */
    private boolean ownedByUs(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        try {
            String owner = Files.getOwner(dir).getName();
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            boolean own = owner.equals(System.getProperty("user.name"))
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
            if (!own && !warnedNotPrivate) {
                warnedNotPrivate = true;
                LOG.warn("compiled rules cache: {} is not used: it must belong to {} and be writable by no one else"
                        + " (it is {}'s, {})", dir, System.getProperty("user.name"), owner, PosixFilePermissions.toString(permissions));
            }
            return own;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("compiled rules cache: cannot check who owns {}, not using it: {}", dir, e.toString());
            return false;
        }
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
            store(entry(drl), bytes.toByteArray(), SUFFIX);
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules cache: cannot write to {} (rules will be compiled at every start): {}", folder, e.toString());
        }
    }

    /**
     * Whether {@link #rememberPassed} was told of this key by this same code (the service's and
     * Drools' builds, the Java version). The key names what passed: the rules folder's content, the
     * scenarios and whatever else decides their results.
     */
    public boolean passedBefore(String key) {
        if (!readable()) {
            return false;
        }
        Path mark = passedMark(key);
        if (!Files.isRegularFile(mark)) {
            return false;
        }
        touch(mark);
        return true;
    }

    /** Remembers that what the key names passed; a failure is logged, never thrown. */
    public void rememberPassed(String key) {
        if (folder == null) {
            return;
        }
        try {
            store(passedMark(key), ("every scenario passed, " + java.time.Instant.now() + "\n").getBytes(StandardCharsets.UTF_8), PASSED);
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules cache: cannot write to {} (scenarios will run at every start): {}", folder, e.toString());
        }
    }

    /** Writes an entry whole (a reader never sees part of one), then keeps the newest of its kind. */
    private void store(Path entry, byte[] bytes, String suffix) throws IOException {
        createFolder();
        if (!ownedByUs(folder)) {
            return;
        }
        Path partial = Files.createTempFile(folder, "partial-", ".tmp");
        try {
            Files.write(partial, bytes);
            try {
                Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            delete(partial);
        }
        prune(suffix);
    }

    private Path passedMark(String key) {
        return named(PASSED, "scenarios passed".getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    Path entry(Map<String, byte[]> drl) {
        List<byte[]> parts = new ArrayList<>();
        drl.forEach((path, bytes) -> {
            parts.add(path.getBytes(StandardCharsets.UTF_8));
            parts.add(bytes);
        });
        return named(SUFFIX, parts.toArray(byte[][]::new));
    }

    /** An entry's path: a hash of this code's identity and the parts, with the kind's suffix. */
    private Path named(String suffix, byte[]... parts) {
        MessageDigest digest = sha256();
        digest.update(codeIdentity().getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            digest.update((byte) 0);
            digest.update(part);
        }
        return folder.resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 32) + suffix);
    }

    private String codeIdentity() {
        String id = codeIdentity;
        if (id == null) {
            StringBuilder sb = new StringBuilder("compiled-rules-v1 java ").append(Runtime.version());
            for (Class<?> c : CODE) {
                sb.append('\n').append(c.getName()).append(' ').append(location(c));
            }
            id = sb.toString();
            codeIdentity = id;
        }
        return id;
    }

    /** Where a class was loaded from: a jar's path, size and time, or every file of a classes folder. */
    private static String location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(path)) {
                return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
            }
            MessageDigest digest = sha256();
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update((path.relativize(p) + " " + Files.size(p) + " "
                            + Files.getLastModifiedTime(p).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return path + " " + HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Not a file we can describe: a value no later run repeats, so nothing stale is read.
            return "unreadable " + System.nanoTime();
        }
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    private void prune(String suffix) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
        if (entries.size() <= KEPT) {
            return;
        }
        List<Path> byAge = new ArrayList<>(entries);
        byAge.sort(Comparator.comparing(CompiledRulesCache::modified).reversed());
        byAge.subList(KEPT, byAge.size()).forEach(CompiledRulesCache::delete);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("compiled rules cache: cannot delete {}: {}", p, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
