package com.addonconfigurator.rules;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.CatalogReader;
import com.addonconfigurator.catalog.InvalidFileException;
import com.addonconfigurator.catalog.Messages;
import com.addonconfigurator.catalog.MessagesReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a {@link Ruleset} from a rules folder on the file system: every {@code *.drl} file (outside
 * {@code scenarios/}), {@code catalog.yaml} and {@code messages.yaml}. Reports every problem it can
 * find, each with the file relative to the folder, its line and column.
 */
public final class RulesetLoader {
    public static final String CATALOG = "catalog.yaml";
    public static final String MESSAGES = "messages.yaml";
    private static final Pattern POSITION = Pattern.compile("(?:\\[\\s*|Line )(\\d+)\\s*:\\s*(\\d+)");

    /** Sessions each pool starts with; it grows with concurrent evaluations (the first ones make the rest). */
    private static final int SESSIONS_KEPT = 1;
    /** Copies of the rule base kept at most (one per core). */
    private static final int MAX_RULE_BASES = 8;

    private static final KieBaseConfiguration KIE_BASE_OPTIONS = kieBaseOptions();

    private final Clock clock;
    private final CompiledRulesCache cache;

    public RulesetLoader(Clock clock) {
        this(clock, CompiledRulesCache.NONE);
    }

    /** @param cache where compiled rules are kept between runs ({@link CompiledRulesCache#NONE}: nowhere) */
    public RulesetLoader(Clock clock, CompiledRulesCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    public Ruleset load(Path folder) throws RulesetLoadException {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = readAll(folder, problems);
        if (!problems.isEmpty()) {
            throw new RulesetLoadException(problems);
        }
        // The catalog and the messages are read on another core while the rules compile (or are read
        // from the cache): a cold start spends a few hundred ms in each.
        CompletableFuture<Texts> texts = CompletableFuture.supplyAsync(() -> texts(files));
        Map<String, byte[]> drl = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(".drl") && !path.startsWith("scenarios/")) {
                drl.put(path, bytes);
            }
        });
        List<Problem> drlProblems = new ArrayList<>();
        if (drl.isEmpty()) {
            drlProblems.add(new Problem(".", 0, 0, "the rules folder holds no .drl file"));
        }
        drl.forEach((path, bytes) -> drlProblems.addAll(DrlGuard.check(path, new String(bytes, StandardCharsets.UTF_8))));
        Collection<KiePackage> packages = null;
        boolean fromCache = false;
        List<Problem> compileProblems = new ArrayList<>();
        if (drlProblems.isEmpty()) {
            packages = cache.read(drl);
            fromCache = packages != null;
            if (!fromCache) {
                packages = compile(drl, compileProblems);
                if (compileProblems.isEmpty()) {
                    cache.write(drl, packages);
                }
            }
        }
        // Reported as before the two overlapped: the files' problems first, and compile errors only
        // when there are none.
        Texts read = texts.join();
        problems.addAll(read.problems());
        problems.addAll(drlProblems);
        if (!problems.isEmpty()) {
            throw new RulesetLoadException(problems);
        }
        if (!compileProblems.isEmpty()) {
            throw new RulesetLoadException(compileProblems);
        }
        Catalog catalog = read.catalog();
        Messages messages = read.messages();
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(KIE_BASE_OPTIONS);
        kieBase.addPackages(packages);
        boolean readsCatalog = readsCatalogGlobal(kieBase, drl, problems);
        if (!problems.isEmpty()) {
            throw new RulesetLoadException(problems);
        }
        List<RuleFile> ruleFiles = ruleFiles(kieBase, drl.keySet());
        Map<String, String> ruleFile = new LinkedHashMap<>();
        for (RuleFile f : ruleFiles) {
            for (String rule : f.rules()) {
                ruleFile.put(rule, f.path());
            }
        }
        String contentHash = contentHash(files);
        return new Ruleset(version(contentHash), clock.instant(), kieBase, catalog, messages, List.copyOf(ruleFiles),
                Map.copyOf(ruleFile), sessionPools(kieBase), sessionOptions(), readsCatalog, fromCache, contentHash);
    }

    private record Texts(Catalog catalog, Messages messages, List<Problem> problems) {
    }

    /** The catalog and the messages, each null with its problem when it cannot be read. */
    private static Texts texts(Map<String, byte[]> files) {
        List<Problem> problems = new ArrayList<>();
        Catalog catalog = readFile(files, CATALOG, CatalogReader::read, problems);
        Messages messages = readFile(files, MESSAGES, MessagesReader::read, problems);
        return new Texts(catalog, messages, problems);
    }

    private interface FileReader<T> {
        T read(String text) throws InvalidFileException;
    }

    /** The file read, or null with its problem (its line and column, or that it is missing). */
    private static <T> T readFile(Map<String, byte[]> files, String name, FileReader<T> reader, List<Problem> problems) {
        try {
            return reader.read(text(files, name));
        } catch (InvalidFileException e) {
            problems.add(new Problem(name, e.line(), e.column(), e.getMessage()));
        } catch (MissingFileException e) {
            problems.add(new Problem(name, 0, 0, "the file is missing"));
        }
        return null;
    }

    /** The compiled packages, or null with the problems added. */
    private static Collection<KiePackage> compile(Map<String, byte[]> drl, List<Problem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (var e : drl.entrySet()) {
            Resource resource = ResourceFactory.newByteArrayResource(e.getValue());
            resource.setSourcePath(e.getKey());
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<Problem> found = new ArrayList<>();
            for (KnowledgeBuilderResult error : builder.getResults(ResultSeverity.ERROR)) {
                found.add(problemOf(error));
            }
            // Drools follows a syntax error with "Parser returned a null Package" at line 0: noise.
            for (Problem p : found) {
                boolean echo = p.line() == 0 && p.message().contains("null Package")
                        && found.stream().anyMatch(o -> o.file().equals(p.file()) && o.line() > 0);
                if (!echo) {
                    problems.add(p);
                }
            }
            return null;
        }
        return builder.getKnowledgePackages();
    }

    /**
     * A ruleset is never changed once built (a new version is a new ruleset), so its rule base is
     * immutable: Drools then keeps each session's facts in one identity map instead of a store per
     * fact class, which it rebuilds for every evaluation (measured: about a fifth of an evaluation).
     */
    private static KieBaseConfiguration kieBaseOptions() {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /**
     * A session is used by one evaluation, on one thread, at a time, so it need not lock: Drools
     * then propagates facts directly instead of through a synchronized queue.
     */
    private static KieSessionConfiguration sessionOptions() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /**
     * One rule base per core, each with its pool of sessions, all built from the same compiled
     * packages (no second compile). Drools writes rule-base-wide state on every run, so threads
     * sharing one rule base take turns on two cores (measured: 2 threads gave 1.0-1.1x the
     * throughput of one with a shared base, 1.4-1.5x with a base each). Every copy has the classes
     * generated for its rules defined before any evaluation can run on it ({@link RuleClasses}).
     */
    private static SessionPools sessionPools(KieBase first) {
        int bases = Math.max(1, Math.min(MAX_RULE_BASES, Runtime.getRuntime().availableProcessors()));
        KieSessionConfiguration options = sessionOptions();
        List<SessionPool> pools = new ArrayList<>();
        pools.add(new SessionPool(first, options, SESSIONS_KEPT));
        for (int i = 1; i < bases; i++) {
            InternalKnowledgeBase copy = KnowledgeBaseFactory.newKnowledgeBase(KIE_BASE_OPTIONS);
            copy.addPackages(first.getKiePackages());
            pools.add(new SessionPool(copy, options, SESSIONS_KEPT));
        }
        SessionPools sessions = new SessionPools(pools);
        sessions.kieBases().forEach(RuleClasses::defineAll);
        return sessions;
    }

    /** Whether the rules declare the catalog's global; declared with another type, it is a problem. */
    private static boolean readsCatalogGlobal(KieBase kieBase, Map<String, byte[]> drl, List<Problem> problems) {
        boolean declared = false;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                if (global.getName().equals(RuleEngine.CATALOG_GLOBAL)) {
                    declared = true;
                    if (!global.getType().equals(Catalog.class.getName())) {
                        problems.add(declaration(drl, "the global \"" + RuleEngine.CATALOG_GLOBAL
                                + "\" is the catalog: declare it as global " + Catalog.class.getName() + " "
                                + RuleEngine.CATALOG_GLOBAL + ", not as " + global.getType()));
                    }
                }
            }
        }
        return declared;
    }

    /** The problem placed at the first declaration of the catalog's global with another type. */
    private static Problem declaration(Map<String, byte[]> drl, String message) {
        Pattern declared = Pattern.compile("^\\s*global\\s+(\\S+)\\s+" + RuleEngine.CATALOG_GLOBAL + "\\b");
        for (var e : drl.entrySet()) {
            String[] lines = new String(e.getValue(), StandardCharsets.UTF_8).split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = declared.matcher(lines[i]);
                if (m.find() && !m.group(1).equals(Catalog.class.getName()) && !m.group(1).equals("Catalog")) {
                    return new Problem(e.getKey(), i + 1, m.start(1) + 1, message);
                }
            }
        }
        return new Problem(".", 0, 0, message);
    }

    static Problem problemOf(KnowledgeBuilderResult error) {
        String file = error.getResource() == null || error.getResource().getSourcePath() == null
                ? "." : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
        int column = 0;
        String message = error.getMessage() == null ? "" : error.getMessage().strip();
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            if (line == 0) {
                line = Integer.parseInt(m.group(1));
            }
            column = Integer.parseInt(m.group(2)) + 1;
        }
        return new Problem(file, line, column, message);
    }

    private static List<RuleFile> ruleFiles(KieBase kieBase, Iterable<String> paths) {
        Map<String, List<Rule>> byFile = new LinkedHashMap<>();
        for (String path : paths) {
            byFile.put(path, new ArrayList<>());
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                byFile.computeIfAbsent(fileOf(rule), k -> new ArrayList<>()).add(rule);
            }
        }
        List<RuleFile> out = new ArrayList<>();
        byFile.forEach((path, rules) -> {
            rules.sort(Comparator.comparingInt(Rule::getLoadOrder));
            out.add(new RuleFile(path, rules.stream().map(Rule::getName).toList()));
        });
        return out;
    }

    private static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath();
        }
        return ".";
    }

    /**
     * Every regular file of the folder by its path relative to the folder, hidden ones (and
     * Kubernetes' {@code ..data} folders) aside. Follows the folder's own link (a swapped symlink is
     * seen) and links inside it, but refuses a file whose real path lies outside the folder.
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
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new Problem(".", 0, 0, "cannot read the rules folder: " + e.getMessage()));
        }
        return files;
    }

    /** The version the folder would have now, or null when it cannot be read. */
    public static String fingerprint(Path folder) {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = readAll(folder, problems);
        return problems.isEmpty() ? version(contentHash(files)) : null;
    }

    private static String text(Map<String, byte[]> files, String name) throws MissingFileException {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new MissingFileException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A version: the first 12 hex digits of the folder's {@link #contentHash}. */
    static String version(String contentHash) {
        return contentHash.substring(0, 12);
    }

    /** A SHA-256 (hex) over every file's relative path and content. */
    static String contentHash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MissingFileException extends Exception {
    }
}
