package com.addonconfigurator.bench;

import com.addonconfigurator.cart.EvaluationRequest;
import com.addonconfigurator.catalog.Language;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Is the two-thread loss in what the threads share through the classes, or in the heap? One JVM,
 * one heap, two threads evaluating the api.md example cart, in turn: one thread alone; two threads
 * on one ruleset (as the service runs, every class shared, each thread on its own copy of the rule
 * base); the same with a ruleset loaded apart for each thread (its own compiled packages, same
 * classes); two threads each on a ruleset loaded in a class loader of its own (each thread its own
 * copy of every class of the service, Drools, logback: their metadata, static fields and compiled
 * code; the heap, its card table and the collector still shared). Run it with
 * {@code bench/own-classes.sh}. One more measurement keeps the first ruleset's service, request,
 * catalog and messages but takes the rule bases and sessions of the one loaded apart (only the rule
 * bases apart). The warm-up starts both threads together, as a server's threads start; with
 * {@code -Dprobe.stagger=MS} (the script's {@code STAGGER_MS}) the second starts that much later.
 *
 * <p>Each class loader gets the whole class path with the platform loader as parent, so nothing of
 * the application is shared between the two; the threads only see {@link LongSupplier}. To find
 * which library's classes carry the loss, a fourth argument names the packages (prefixes, comma
 * separated, e.g. {@code org.slf4j.,ch.qos.logback.}) that both class loaders take from one common
 * parent instead: those classes are then shared in every measurement, and copied in none.
 * With {@code only:} before the list, the named packages are the ones copied and all others shared.
 * A prefix with a {@code -} before it takes a narrower prefix out of the list again (e.g.
 * {@code only:com.addonconfigurator.,-com.addonconfigurator.rules.facts.}); a package must be copied
 * or shared whole (package-private access does not cross class loaders).
 */
public final class OwnClassesProbe {
    private OwnClassesProbe() {
    }

    /** Built inside each class loader: one evaluation of the api.md example cart per call. */
    public static LongSupplier evaluations(String rules) throws Exception {
        Ruleset ruleset = ProjectRules.load(Path.of(rules));
        return evaluations(ProjectRules.serviceOn(ruleset, new RuleEngine(10_000)), ruleset, EvaluateBenchmark.apiExample());
    }

    /**
     * Built inside the first class loader: evaluations of the api.md example cart, one per call, [0]
     * on a ruleset; [1] on another ruleset loaded apart, with its own service and request; [2] with
     * [0]'s service, request, catalog and messages but the other ruleset's rule bases and sessions.
     */
    public static LongSupplier[] evaluationsBesideOthers(String rules) throws Exception {
        Ruleset ruleset = ProjectRules.load(Path.of(rules));
        Ruleset other = ProjectRules.load(Path.of(rules));
        Ruleset otherRuleBases = new Ruleset(ruleset.version(), ruleset.loadedAt(), other.kieBase(), ruleset.catalog(),
                ruleset.messages(), ruleset.files(), ruleset.ruleFile(), other.sessions(), ruleset.sessionOptions(),
                ruleset.readsCatalog(), ruleset.compiledFromCache(), ruleset.contentHash());
        EvaluationService service = ProjectRules.serviceOn(ruleset, new RuleEngine(10_000));
        EvaluationService otherService = ProjectRules.serviceOn(other, new RuleEngine(10_000));
        EvaluationRequest request = EvaluateBenchmark.apiExample();
        return new LongSupplier[] {evaluations(service, ruleset, request),
                evaluations(otherService, other, EvaluateBenchmark.apiExample()), evaluations(service, otherRuleBases, request)};
    }

    private static LongSupplier evaluations(EvaluationService service, Ruleset ruleset,
                                            EvaluationRequest request) {
        return () -> {
            try {
                return service.evaluate(ruleset, request, Language.IT, false).items().size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static final class Worker extends Thread {
        private volatile LongSupplier work;
        private volatile ClassLoader loader;
        private volatile boolean stopped;
        private final AtomicLong done = new AtomicLong();
        private long sink;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void give(LongSupplier work, ClassLoader loader) {
            this.loader = loader;
            this.work = work;
        }

        @Override
        public void run() {
            long n = 0;
            while (!stopped) {
                LongSupplier w = work;
                if (w == null) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                if (getContextClassLoader() != loader) {
                    setContextClassLoader(loader);
                }
                sink += w.getAsLong();
                done.lazySet(++n);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String rules = args.length > 0 ? args[0] : "rules";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String split = args.length > 3 ? args[3].trim() : "";
        boolean copyOnly = split.startsWith("only:");
        List<String> shared = split.isEmpty() ? List.of() : List.of(split.replaceFirst("^only:", "").split(","));
        ClassLoader common = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
        ClassLoader first = new SharingSome(common, shared, copyOnly);
        ClassLoader second = new SharingSome(common, shared, copyOnly);
        System.out.println(shared.isEmpty() ? "each class loader has its own copy of every class"
                : copyOnly ? "each class loader copies the classes of " + shared + " and shares the others"
                : "both class loaders share the classes of " + shared + " and copy the others");
        LongSupplier[] inFirst = (LongSupplier[]) builtIn(first, "evaluationsBesideOthers", rules);
        LongSupplier onFirst = inFirst[0];
        LongSupplier anotherRulesetOnFirst = inFirst[1];
        LongSupplier otherRuleBasesOnFirst = inFirst[2];
        LongSupplier onSecond = (LongSupplier) builtIn(second, "evaluations", rules);
        Worker a = new Worker("evaluator-a");
        Worker b = new Worker("evaluator-b");
        a.start();
        b.start();
        // Warm every path with both threads busy, as the measured rounds run them.
        a.give(onFirst, first);
        Thread.sleep(Long.getLong("probe.stagger", 0)); // the second thread's first use after the first's
        b.give(onFirst, first);
        Thread.sleep(20_000);
        b.give(onSecond, second);
        Thread.sleep(20_000);
        b.give(anotherRulesetOnFirst, first);
        Thread.sleep(10_000);
        b.give(otherRuleBasesOnFirst, first);
        Thread.sleep(10_000);
        b.give(null, null);
        Thread.sleep(100);
        System.gc();
        System.out.println("evaluations/s (ratio to one thread), " + seconds + " s each, in turn:");
        for (int round = 1; round <= rounds; round++) {
            double one = measure(a, b, null, null, seconds);
            double sharing = measure(a, b, onFirst, first, seconds);
            double twoRulesets = measure(a, b, anotherRulesetOnFirst, first, seconds);
            double otherBases = measure(a, b, otherRuleBasesOnFirst, first, seconds);
            double own = measure(a, b, onSecond, second, seconds);
            System.out.printf("round %d: one thread %.0f; two threads sharing the classes %.0f (%.2fx), the same with a ruleset each %.0f (%.2fx),"
                    + " with only the rule bases apart %.0f (%.2fx); two threads, each its own classes %.0f (%.2fx)%n",
                    round, one, sharing, sharing / one, twoRulesets, twoRulesets / one, otherBases, otherBases / one, own, own / one);
        }
        a.stopped = true;
        b.stopped = true;
        System.out.println(a.sink + b.sink > 0 ? "" : "no evaluation ran");
    }

    /** Thread a always evaluates on the first class loader; thread b does what it is given. */
    private static double measure(Worker a, Worker b, LongSupplier second, ClassLoader loader, int seconds) throws InterruptedException {
        b.give(second, loader);
        Thread.sleep(500);
        long before = a.done.get() + b.done.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long after = a.done.get() + b.done.get();
        return (after - before) * 1e9 / (System.nanoTime() - t0);
    }

    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    /**
     * Its own copy of every class, except the listed packages, which it takes from the common parent
     * (or, copying only the listed ones, all others). Listing nothing copies every class.
     */
    private static final class SharingSome extends URLClassLoader {
        private final ClassLoader common;
        private final List<String> listed;
        private final boolean copyOnlyListed;

        SharingSome(ClassLoader common, List<String> listed, boolean copyOnlyListed) throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
            this.common = common;
            this.listed = listed;
            this.copyOnlyListed = copyOnlyListed;
        }

        /** Whether a listed prefix names the class and no listed "-prefix" takes it out again. */
        private boolean listedIn(String name) {
            return listed.stream().anyMatch(p -> !p.startsWith("-") && name.startsWith(p))
                    && listed.stream().noneMatch(p -> p.startsWith("-") && name.startsWith(p.substring(1)));
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (listedIn(name) != copyOnlyListed) {
                return common.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /** What this class's static method of that name builds, called in the class loader's copy of it. */
    private static Object builtIn(ClassLoader loader, String method, String rules) throws Exception {
        Thread.currentThread().setContextClassLoader(loader);
        return loader.loadClass(OwnClassesProbe.class.getName()).getMethod(method, String.class).invoke(null, rules);
    }
}
