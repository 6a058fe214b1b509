package com.addonconfigurator.rules.cache;

import com.addonconfigurator.hashing.Sha256;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder ({@code RULES_CACHE_DIR}) that the compiled rules and the scenario passes are kept in,
 * each entry named by a hash of what it depends on and of the code that made it (this
 * application's and Drools' classes: their location, size and modification time, and the Java
 * version), so that a new build never reads an old entry.
 *
 * <p>The folder is created readable by the service's user only, and a folder that belongs to
 * someone else or that others may write to is not used: compiled rules are Java-serialized
 * objects, to be read only from a folder no one else can write.
 */
final class CacheFolder {
    private static final Logger LOG = LoggerFactory.getLogger(CacheFolder.class);
    /** Entries of each kind kept; the least recently used beyond are deleted. */
    static final int KEPT = 8;
    /** Classes whose code an entry depends on: this application and the Drools modules. */
    private static final List<Class<?>> CODE = List.of(
            CacheFolder.class,
            org.kie.internal.builder.KnowledgeBuilderFactory.class,
            org.drools.base.definitions.impl.KnowledgePackageImpl.class,
            org.drools.core.rule.JavaDialectRuntimeData.class,
            org.drools.mvel.MVELKnowledgePackageImpl.class,
            org.drools.kiesession.rulebase.InternalKnowledgeBase.class);

    private final Path folder;
    private volatile String codeIdentity;
    private volatile boolean warnedNotPrivate;

    CacheFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    /** Whether there is a folder to read entries from, and it is the service's own. */
    boolean readable() {
        return Files.isDirectory(folder) && ownedByUs();
    }

    /** An entry's path: a hash of this code's identity and the parts, with the kind's suffix. */
    Path named(String suffix, byte[]... parts) {
        MessageDigest digest = Sha256.digest();
        digest.update(codeIdentity().getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            digest.update((byte) 0);
            digest.update(part);
        }
        return folder.resolve(Sha256.hex(digest).substring(0, 32) + suffix);
    }

    /** Writes an entry whole (a reader never sees part of one), then keeps the newest of its kind. */
    void store(Path entry, byte[] bytes, String suffix) throws IOException {
        createFolder();
        if (!ownedByUs()) {
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

    /** Marks an entry most recently used. */
    static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("rules cache: cannot touch {} (a read-only cache is still read): {}", entry, e.toString());
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("rules cache: cannot delete {}: {}", p, e.toString());
        }
    }

    /**
     * Whether the folder is the service's own: owned by its user and writable by no one else.
     * Reading objects someone else could have planted would run their code; such a folder is not
     * used, with a warning.
     */
    private boolean ownedByUs() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        try {
            String owner = Files.getOwner(folder).getName();
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            boolean own = owner.equals(System.getProperty("user.name"))
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
            if (!own && !warnedNotPrivate) {
                warnedNotPrivate = true;
                LOG.warn(
                        "rules cache: {} is not used: it must belong to {} and be writable by no one else"
                                + " (it is {}'s, {})",
                        folder,
                        System.getProperty("user.name"),
                        owner,
                        PosixFilePermissions.toString(permissions));
            }
            return own;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("rules cache: cannot check who owns {}, not using it: {}", folder, e.toString());
            return false;
        }
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
                return path + " " + Files.size(path) + " "
                        + Files.getLastModifiedTime(path).toMillis();
            }
            MessageDigest digest = Sha256.digest();
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update((path.relativize(p) + " " + Files.size(p) + " "
                                    + Files.getLastModifiedTime(p).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return path + " " + Sha256.hex(digest);
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
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    private void prune(String suffix) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .toList();
        }
        if (entries.size() <= KEPT) {
            return;
        }
        List<Path> byAge = new ArrayList<>(entries);
        byAge.sort(Comparator.comparing(CacheFolder::modified).reversed());
        byAge.subList(KEPT, byAge.size()).forEach(CacheFolder::delete);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
