package com.addonconfigurator.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The classes Drools generates for a ruleset's DRL, by the DRL they come from: a rule's class and
 * its consequence's invoker belong to that rule, a function's class to that function. Tells where
 * in the DRL a thread is from its stack.
 *
 * @param packages the DRL packages that hold rules or functions
 * @param owners   a generated class's simple name to its rule's name, or {@code function NAME}
 */
public record GeneratedCode(Set<String> packages, Map<String, String> owners) {
    private static final String INVOKER = "DefaultConsequenceInvoker";

    static GeneratedCode of(KieBase kieBase) {
        return of(kieBase.getKiePackages());
    }

    static GeneratedCode of(Iterable<KiePackage> kiePackages) {
        Set<String> packages = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (KiePackage pkg : kiePackages) {
            for (Rule rule : pkg.getRules()) {
                packages.add(pkg.getName());
                if (rule instanceof RuleImpl impl && impl.getConsequence() != null) {
                    String invoker = impl.getConsequence().getClass().getSimpleName();
                    String owner = rule.getName();
                    owners.put(invoker, owner);
                    if (invoker.endsWith(INVOKER)) {
                        owners.put(invoker.substring(0, invoker.length() - INVOKER.length()), owner);
                    }
                }
            }
            for (String function : pkg.getFunctionNames()) {
                packages.add(pkg.getName());
                owners.put(
                        function.substring(0, 1).toUpperCase(Locale.ROOT) + function.substring(1),
                        "function " + function);
            }
        }
        return new GeneratedCode(Set.copyOf(packages), Map.copyOf(owners));
    }

    /**
     * The rule or function a generated class (by its simple name) belongs to: its own, or that of
     * the longest known class name it starts with (a rule's condition invokers start with the
     * rule's class name); the class name itself when none is known.
     */
    public String ownerOf(String simpleName) {
        String owner = owners.get(simpleName);
        if (owner != null) {
            return owner;
        }
        String best = null;
        for (String known : owners.keySet()) {
            if (simpleName.startsWith(known) && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return best == null ? simpleName : owners.get(best);
    }

    /**
     * The rule or function whose generated code is the innermost frame that is neither the Java
     * platform's nor MVEL's; null when that frame is not the rules' (Drools, the service).
     */
    public String locate(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("java.")
                    || cls.startsWith("jdk.")
                    || cls.startsWith("sun.")
                    || cls.startsWith("org.mvel2.")) {
                continue;
            }
            int dot = cls.lastIndexOf('.');
            if (!packages.contains(dot < 0 ? "" : cls.substring(0, dot))) {
                return null;
            }
            String simple = cls.substring(dot + 1);
            return ownerOf(simple);
        }
        return null;
    }
}
