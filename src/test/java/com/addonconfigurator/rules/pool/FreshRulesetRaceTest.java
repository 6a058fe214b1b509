package com.addonconfigurator.rules.pool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/**
 * Drools keeps the classes it generates for the rules as bytes and defines each when first asked
 * for it, under a lock of its own for that class and then the class loader's lock; but the JVM,
 * resolving a class that a rule's code names, takes the class loader's lock first (the loader is
 * not parallel-capable). Two evaluations reaching the same class those two ways, on a ruleset just
 * loaded, each held the lock the other waited for: a soak's server hung for good on it. A ruleset
 * therefore comes out of the loader with every such class defined already.
 */
class FreshRulesetRaceTest {
    @TempDir
    Path temp;

    @Test
    void aRulesetReadFromTheCacheHasEveryGeneratedClassDefinedBeforeAnyEvaluation() throws Exception {
        RulesetLoader loader = new RulesetLoader(Clock.systemUTC(), CompiledRulesCache.in(temp.resolve("cache")));
        loader.load(TestRules.FOLDER); // compiles the rules and writes them to the cache
        Ruleset fresh = loader.load(TestRules.FOLDER);
        assertTrue(fresh.compiledFromCache());

        noClassDeadlocks(fresh.sessions().kieBases());
    }

    @Test
    void aRulesetJustCompiledHasEveryGeneratedClassDefinedBeforeAnyEvaluation() throws Exception {
        Ruleset fresh = new RulesetLoader(Clock.systemUTC()).load(TestRules.FOLDER);
        assertFalse(fresh.compiledFromCache());

        noClassDeadlocks(fresh.sessions().kieBases());
    }

    /**
     * For every generated class of every rule-base copy: one thread holds the class loader's lock,
     * as the JVM does while it resolves a class for a rule, and asks for the class once another
     * thread, asking for it too, is blocked. A class still to be defined deadlocks the two.
     */
    private static void noClassDeadlocks(List<KieBase> kieBases) throws Exception {
        int classes = 0;
        for (KieBase kieBase : kieBases) {
            for (RuleClasses.Generated generated : RuleClasses.of(kieBase)) {
                for (String name : generated.classNames()) {
                    askedTwoWaysAtOnce(generated.loader(), name);
                    classes++;
                }
            }
        }
        assertTrue(classes > 45, "the rules' generated classes were all tried: " + classes);
    }

    private static void askedTwoWaysAtOnce(ClassLoader loader, String name) throws Exception {
        CountDownLatch loaderLocked = new CountDownLatch(1);
        Thread[] asker = new Thread[1];
        Thread resolver = daemon("resolver", () -> {
            synchronized (loader) {
                loaderLocked.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (asker[0].getState() != Thread.State.BLOCKED && asker[0].isAlive() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                loader.loadClass(name);
            }
            return null;
        });
        asker[0] = daemon("asker", () -> {
            loaderLocked.await();
            return loader.loadClass(name);
        });
        resolver.start();
        asker[0].start();
        resolver.join(10_000);
        asker[0].join(10_000);
        if (resolver.isAlive() || asker[0].isAlive()) {
            fail("two threads asking for " + name + " are deadlocked: the class was still to be defined");
        }
    }

    private interface Body {
        Object run() throws Exception;
    }

    private static Thread daemon(String name, Body body) {
        Thread t = new Thread(
                () -> {
                    try {
                        body.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                name);
        t.setDaemon(true); // a deadlocked thread cannot be stopped; it must not keep the JVM alive
        return t;
    }
}
