package com.addonconfigurator.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session holds once the rules have fired: the facts given and derived. When explaining,
 * also which rule inserted (or last changed) each fact and the rules in the order they first fired.
 */
public final class Decisions {
    private final List<Object> facts;
    private final Map<Object, String> ruleOf;
    private final List<String> firedRules;
    private final List<Object> derived;

    Decisions(
            List<Object> facts, IdentityHashMap<Object, String> ruleOf, List<String> firedRules, List<Object> derived) {
        this.facts = List.copyOf(facts);
        this.ruleOf = ruleOf;
        this.firedRules = List.copyOf(firedRules);
        this.derived = List.copyOf(derived);
    }

    /** When explaining: every fact the rules inserted, in the order they inserted them. */
    public List<Object> derived() {
        return derived;
    }

    private final Map<Class<?>, List<Object>> byType = new java.util.HashMap<>();

    /** The facts of a class (exactly that class: the fact model has no subclasses), in a new list. */
    @SuppressWarnings("unchecked")
    public <T> List<T> all(Class<T> type) {
        if (byType.isEmpty()) {
            for (Object f : facts) {
                byType.computeIfAbsent(f.getClass(), k -> new ArrayList<>()).add(f);
            }
        }
        return new ArrayList<>((List<T>) byType.getOrDefault(type, List.of()));
    }

    public <T> T one(Class<T> type) {
        List<T> all = all(type);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The rule that produced a fact, or null when not explaining or when the fact was given. */
    public String ruleOf(Object fact) {
        return ruleOf.get(fact);
    }

    public List<String> firedRules() {
        return firedRules;
    }

    public List<Object> facts() {
        return facts;
    }
}
