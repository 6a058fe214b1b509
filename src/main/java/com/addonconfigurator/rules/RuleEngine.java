package com.addonconfigurator.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs a ruleset over facts: a session per evaluation (from the ruleset's pool), always disposed. The rules run in
 * phases (agenda groups), each finished before the next starts, so that a rule may read a decision
 * of an earlier phase as final:
 * <ol>
 *   <li>{@code reasons}: derived facts and every reason against an item;</li>
 *   <li>{@code dependencies}: reasons that depend on other items being accepted;</li>
 *   <li>{@code decisions}: statuses, terms, price lines, steps, warnings, suggestions;</li>
 *   <li>{@code summary}: what needs all of those: totals, checkout, the account's expiry.</li>
 * </ol>
 */
public final class RuleEngine {
    /** The global the rules read the catalog from ({@code global Catalog catalog;}). */
    public static final String CATALOG_GLOBAL = "catalog";
    public static final List<String> PHASES = List.of("reasons", "dependencies", "decisions", "summary");

    /** Told, after each evaluation, how often each rule fired (for metrics). */
    public interface FiringObserver {
        void fired(Map<String, Integer> firingsByRule);
    }

    private final int firingLimit;
    private final FiringObserver observer;

    public RuleEngine(int firingLimit) {
        this(firingLimit, null);
    }

    public RuleEngine(int firingLimit, FiringObserver observer) {
        if (firingLimit < 1) {
            throw new IllegalArgumentException("the firing limit must be at least 1");
        }
        this.firingLimit = firingLimit;
        this.observer = observer;
    }

    public Decisions run(Ruleset ruleset, List<Object> facts, boolean explain) throws RulesFailedException {
        KieSession session = ruleset.newSession();
        try {
            IdentityHashMap<Object, String> ruleOf = new IdentityHashMap<>();
            LinkedHashSet<String> fired = new LinkedHashSet<>();
            List<Object> derived = new ArrayList<>();
            if (explain) {
                attachExplainers(session, ruleOf, fired, derived);
            }
            FactCollector collected = new FactCollector();
            session.addEventListener(collected);
            Map<String, Integer> firings = observer == null ? null : new HashMap<>();
            if (firings != null) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                    }
                });
            }
            if (ruleset.readsCatalog()) {
                session.setGlobal(CATALOG_GLOBAL, ruleset.catalog());
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            focusPhases(session);
            int count;
            try {
                count = session.fireAllRules(firingLimit);
            } catch (ConsequenceException e) {
                String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new RulesFailedException(rule, "rule \"" + rule + "\" threw " + cause, cause);
            } catch (RuntimeException e) {
                throw new RulesFailedException(null, "the rules threw " + e, e);
            }
            if (count >= firingLimit) {
                String rule = mostFired(ruleset, facts);
                throw new RulesFailedException(rule, "the rules fired " + count + " times, the limit; rule \""
                        + rule + "\" fired most", null);
            }
            if (firings != null) {
                observer.fired(firings);
            }
            return new Decisions(collected.facts, ruleOf, new ArrayList<>(fired), derived);
        } finally {
            // A pooled session keeps its listeners across uses: take them off before it goes back.
            new ArrayList<>(session.getAgendaEventListeners()).forEach(session::removeEventListener);
            new ArrayList<>(session.getRuleRuntimeEventListeners()).forEach(session::removeEventListener);
            session.dispose();
        }
    }

    /**
     * The facts of an evaluation, given and derived, in the order they were inserted. They are
     * collected as they are inserted, not read back from the session: a rule base that never
     * changes lets Drools drop from the session a fact that no rule can match, and the decisions
     * (totals, steps, suggestions) are such facts.
     */
    private static final class FactCollector extends DefaultRuleRuntimeEventListener {
        final List<Object> facts = new ArrayList<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            facts.add(event.getObject());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            Object gone = event.getOldObject();
            for (int i = facts.size() - 1; i >= 0; i--) {
                if (facts.get(i) == gone) {
                    facts.remove(i);
                    return;
                }
            }
        }
    }

    private static void focusPhases(KieSession session) {
        for (int i = PHASES.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(PHASES.get(i)).setFocus();
        }
    }

    private static void attachExplainers(KieSession session, Map<Object, String> ruleOf, LinkedHashSet<String> fired,
                                         List<Object> derived) {
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    ruleOf.put(event.getObject(), event.getRule().getName());
                    derived.add(event.getObject());
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                if (event.getRule() != null) {
                    ruleOf.put(event.getObject(), event.getRule().getName());
                }
            }
        });
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
    }

    /**
     * Runs the facts again, counting per rule its firings and the facts it updated, to name the rule
     * that loops. A loop is almost always a rule whose update re-activates itself; every rule that
     * reacts to the updated fact fires as often, so the rule that updated most is named, and the
     * rule that fired most only when no rule updated anything.
     */
    private String mostFired(Ruleset ruleset, List<Object> facts) {
        KieSession session = ruleset.kieBase().newKieSession(ruleset.sessionOptions(), null);
        try {
            Map<String, Integer> firings = new HashMap<>();
            Map<String, Integer> updates = new HashMap<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectUpdated(ObjectUpdatedEvent event) {
                    if (event.getRule() != null) {
                        updates.merge(event.getRule().getName(), 1, Integer::sum);
                    }
                }
            });
            if (ruleset.readsCatalog()) {
                session.setGlobal(CATALOG_GLOBAL, ruleset.catalog());
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            focusPhases(session);
            session.fireAllRules(firingLimit);
            Map<String, Integer> evidence = updates.isEmpty() ? firings : updates;
            return evidence.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
        } catch (RuntimeException e) {
            return null;
        } finally {
            session.dispose();
        }
    }
}
