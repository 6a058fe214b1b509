package com.addonconfigurator.rules;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.CatalogReader;
import com.addonconfigurator.messages.Messages;
import com.addonconfigurator.messages.MessagesReader;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import com.addonconfigurator.rules.pool.SessionPools;
import com.addonconfigurator.yaml.InvalidFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;

/**
 * Builds a {@link Ruleset} from a rules folder on the file system: every {@code *.drl} file (outside
 * {@code scenarios/}), {@code catalog.yaml} and {@code messages.yaml}. Reports every problem it can
 * find, each with the file relative to the folder, its line and column.
 */
public final class RulesetLoader {

    private static final KieBaseConfiguration RULE_BASE_OPTIONS = DrlCompiler.ruleBaseOptions();

    private final Clock clock;
    private final CompiledRulesCache cache;
    private final RulesFolder.Limits limits;
    private final AllowList allowList;
    private final CodeGuard codeGuard;

    public RulesetLoader(Clock clock) {
        this(clock, CompiledRulesCache.NONE);
    }

    /** @param cache where compiled rules are kept between runs ({@link CompiledRulesCache#NONE}: nowhere) */
    public RulesetLoader(Clock clock, CompiledRulesCache cache) {
        this(clock, cache, RulesFolder.Limits.DEFAULT);
    }

    /** @param limits how large the rules folder's files may be */
    public RulesetLoader(Clock clock, CompiledRulesCache cache, RulesFolder.Limits limits) {
        this(clock, cache, limits, AllowList.STANDARD);
    }

    /** @param allowList what rules may use ({@link AllowList#standardAnd} adds classes to the standard list) */
    public RulesetLoader(Clock clock, CompiledRulesCache cache, RulesFolder.Limits limits, AllowList allowList) {
        this.clock = clock;
        this.cache = cache;
        this.limits = limits;
        this.allowList = allowList;
        this.codeGuard = new CodeGuard(allowList);
    }

    public RulesFolder.Limits limits() {
        return limits;
    }

    public Ruleset load(Path folder) throws RulesetLoadException {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = RulesFolder.readAll(folder, limits, problems);
        if (!problems.isEmpty()) {
            throw new RulesetLoadException(problems);
        }
        return load(files);
    }

    /**
     * Builds a ruleset from a rules folder's files, by their paths relative to it (as {@link
     * #load(Path)} reads them, or as an archive kept them): the same files give the same version.
     */
    public Ruleset load(Map<String, byte[]> files) throws RulesetLoadException {
        List<Problem> problems = new ArrayList<>();
        // The catalog and the messages are read on another core while the rules compile (or are read
        // from the cache): a cold start spends a few hundred ms in each.
        CompletableFuture<Texts> texts = CompletableFuture.supplyAsync(() -> texts(files));
        Map<String, byte[]> drl = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (RulesFolder.isDrl(path)) {
                drl.put(path, bytes);
            }
        });
        List<Problem> drlProblems = new ArrayList<>();
        if (drl.isEmpty()) {
            drlProblems.add(new Problem(".", 0, 0, "the rules folder holds no .drl file"));
        }
        drl.forEach((path, bytes) ->
                drlProblems.addAll(DrlGuard.check(path, new String(bytes, StandardCharsets.UTF_8), allowList)));
        Collection<KiePackage> packages = null;
        boolean fromCache = false;
        List<Problem> compileProblems = new ArrayList<>();
        if (drlProblems.isEmpty()) {
            packages = cache.read(drl);
            fromCache = packages != null;
            if (!fromCache) {
                packages = DrlCompiler.compile(drl, compileProblems);
            }
            if (packages != null) {
                // what the compiled rules call, whatever way the text named it
                compileProblems.addAll(codeGuard.check(packages, drl));
            }
            if (!fromCache && compileProblems.isEmpty()) {
                cache.write(drl, packages);
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
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(RULE_BASE_OPTIONS);
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
        String contentHash = RulesFolder.contentHash(files);
        return new Ruleset(
                RulesFolder.version(contentHash),
                clock.instant(),
                kieBase,
                catalog,
                messages,
                List.copyOf(ruleFiles),
                Map.copyOf(ruleFile),
                SessionPools.of(kieBase, RULE_BASE_OPTIONS, SessionPools.sessionOptions()),
                SessionPools.sessionOptions(),
                readsCatalog,
                fromCache,
                GeneratedCode.of(kieBase),
                contentHash,
                Collections.unmodifiableMap(new TreeMap<>(files)));
    }

    private record Texts(Catalog catalog, Messages messages, List<Problem> problems) {}

    /** The catalog and the messages, each null with its problem when it cannot be read. */
    private static Texts texts(Map<String, byte[]> files) {
        List<Problem> problems = new ArrayList<>();
        Catalog catalog = readFile(files, RulesFolder.CATALOG, CatalogReader::read, problems);
        Messages messages = readFile(files, RulesFolder.MESSAGES, MessagesReader::read, problems);
        return new Texts(catalog, messages, problems);
    }

    private interface FileReader<T> {
        T read(String text) throws InvalidFileException;
    }

    /** The file read, or null with its problem (its line and column, or that it is missing). */
    private static <T> T readFile(
            Map<String, byte[]> files, String name, FileReader<T> reader, List<Problem> problems) {
        String text = RulesFolder.text(files, name);
        if (text == null) {
            problems.add(new Problem(name, 0, 0, "the file is missing"));
            return null;
        }
        try {
            return reader.read(text);
        } catch (InvalidFileException e) {
            e.problems().forEach(p -> problems.add(new Problem(name, p.line(), p.column(), p.message())));
            return null;
        }
    }

    /** Whether the rules declare the catalog's global; declared with another type, it is a problem. */
    private static boolean readsCatalogGlobal(KieBase kieBase, Map<String, byte[]> drl, List<Problem> problems) {
        boolean declared = false;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                if (global.getName().equals(RuleEngine.CATALOG_GLOBAL)) {
                    declared = true;
                    if (!global.getType().equals(Catalog.class.getName())) {
                        problems.add(declaration(
                                drl,
                                "the global \"" + RuleEngine.CATALOG_GLOBAL
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
                if (m.find()
                        && !m.group(1).equals(Catalog.class.getName())
                        && !m.group(1).equals("Catalog")) {
                    return new Problem(e.getKey(), i + 1, m.start(1) + 1, message);
                }
            }
        }
        return new Problem(".", 0, 0, message);
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
        if (rule instanceof RuleImpl impl
                && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath();
        }
        return ".";
    }
}
