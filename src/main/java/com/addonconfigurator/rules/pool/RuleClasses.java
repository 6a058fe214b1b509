package com.addonconfigurator.rules.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The classes Drools generated for a rule base (each rule's class and its consequence's invoker,
 * each DRL function's class), which it keeps as bytes and defines only when first asked for them. Defining them all while the ruleset
 * is being loaded, before any evaluation can run on it, keeps two evaluations from ever defining
 * one at the same time: Drools' class loader takes a lock per class and then its own lock, while
 * the JVM, resolving a class that a rule's code names, takes the loader's lock first (the loader is
 * not parallel-capable), so two evaluations could each hold the lock the other waits for. A soak
 * hung a server that way (rules reloaded every 5 s under load).
 */
final class RuleClasses {
    /** One package's class loader and the names of the classes it holds as bytes. */
    record Generated(ClassLoader loader, List<String> classNames) {}

    private RuleClasses() {}

    static List<Generated> of(KieBase kieBase) {
        List<Generated> all = new ArrayList<>();
        Set<ClassLoader> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            DialectRuntimeData data = ((InternalKnowledgePackage) kiePackage)
                    .getDialectRuntimeRegistry()
                    .getDialectData("java");
            if (!(data instanceof JavaDialectRuntimeData java)
                    || java.getClassLoader() == null
                    || !seen.add(java.getClassLoader())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String resource : java.getStore().keySet()) {
                if (resource.endsWith(".class")) {
                    names.add(resource.substring(0, resource.length() - ".class".length())
                            .replace('/', '.'));
                }
            }
            Collections.sort(names);
            all.add(new Generated(java.getClassLoader(), List.copyOf(names)));
        }
        return all;
    }

    /**
     * Defines every generated class of the rule base on this thread; call it before the rule base
     * is shared. A class that cannot be defined is left as it was: Drools meets the same error
     * when the rules ask for it, as it did before.
     */
    static void defineAll(KieBase kieBase) {
        for (Generated generated : of(kieBase)) {
            for (String name : generated.classNames()) {
                try {
                    generated.loader().loadClass(name);
                } catch (ClassNotFoundException | LinkageError e) {
                    // left to Drools, which reports it where a rule needs the class
                }
            }
        }
    }
}
