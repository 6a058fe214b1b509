package com.addonconfigurator.rules;

import com.addonconfigurator.rules.pool.SessionPool;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.core.time.impl.PseudoClockScheduler;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs a ruleset over facts: a session per evaluation (from the ruleset's pool), always reset and
 * returned. The rules run in phases (each rule's {@code ruleflow-group}, which Drools runs as an agenda group: the
 * engine focuses them in turn), each finished before the next starts, so that a rule may read a decision
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
    /** Firings per evaluation beyond which the rules are stopped as looping, unless configured otherwise. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;
    /** How long an evaluation may run, unless configured otherwise: far above any real cart's. */
    public static final int DEFAULT_TIME_LIMIT_MS = 2_000;

    public static final List<String> PHASES = List.of("reasons", "dependencies", "decisions", "summary");

    /** Told, after each evaluation, how often each rule fired (for metrics). */
    public interface FiringObserver {
        void fired(Map<String, Integer> firingsByRule);
    }

    private final int firingLimit;
    private final RulesWatchdog watchdog;
    private final FiringObserver observer;

    /** An engine without a time limit (tests, benchmarks). */
    public RuleEngine(int firingLimit) {
        this(firingLimit, RulesWatchdog.NONE, null);
    }

    /** An engine without a time limit, telling the observer the firings (tests, benchmarks). */
    public RuleEngine(int firingLimit, FiringObserver observer) {
        this(firingLimit, RulesWatchdog.NONE, observer);
    }

    /**
     * @param watchdog holds each evaluation to its time limit ({@link RulesWatchdog#NONE}: none)
     * @param observer told how often each rule fired, or null
     */
    public RuleEngine(int firingLimit, RulesWatchdog watchdog, FiringObserver observer) {
        if (firingLimit < 1) {
            throw new IllegalArgumentException("the firing limit must be at least 1");
        }
        this.firingLimit = firingLimit;
        this.watchdog = watchdog;
        this.observer = observer;
    }

    /** Firings per evaluation beyond which the rules are stopped as failed. */
    public int firingLimit() {
        return firingLimit;
    }

    public RulesWatchdog watchdog() {
        return watchdog;
    }

    /**
     * Runs the rules over the facts on a pooled session. Whatever goes wrong inside the rules (a
     * rule or condition that throws, too many firings, too deep a recursion, too long a run) is a
     * {@link RulesFailedException} naming the rule where it can be told; the session is then reset,
     * or thrown away when the run was cut short.
     */
    public Decisions run(Ruleset ruleset, LocalDate day, List<Object> facts, boolean explain)
            throws RulesFailedException {
        SessionPool.Lease lease = ruleset.lease();
        boolean intact = false;
        FiringRecorder recorder = new FiringRecorder(explain, observer != null);
        RulesWatchdog.Slot watched = watchdog.begin(ruleset);
        try {
            Decisions decisions;
            try {
                decisions = fire(lease.session(), ruleset, day, facts, recorder);
            } catch (Throwable t) {
                if (watched != null && RuleFailures.stoppedBy(t)) {
                    watched.received(); // (wrapped, when the rules called by reflection)
                }
                throw t;
            } finally {
                if (watched != null) {
                    watched.end(); // waits here for the watchdog's stop, if one is on its way
                }
            }
            intact = true;
            return decisions;
        } catch (Throwable t) {
            if (watched != null && watched.wasStopped() && RuleFailures.stoppedBy(t)) {
                String rule = RuleFailures.where(recorder.firing, watched.location());
                throw new RulesFailedException(
                        rule,
                        "the rules ran past the time limit of "
                                + watchdog.limit().toMillis() + " ms in " + rule + " and were stopped",
                        null);
            }
            if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                String rule = RuleFailures.where(
                        recorder.firing, ruleset.generatedCode().locate(t.getStackTrace()));
                throw new RulesFailedException(
                        rule,
                        "the rules ran out of "
                                + (t instanceof StackOverflowError ? "stack (recursing too deep)" : "memory") + " in "
                                + rule,
                        null);
            }
            intact = true;
            if (t instanceof RulesFailedException e) {
                throw e;
            }
            if (t instanceof RuntimeException e) {
                throw new RulesFailedException(RuleFailures.ruleOf(e), "the rules threw " + e, e);
            }
            intact = false;
            throw t;
        } finally {
            if (intact) {
                lease.close(); // resets the session (facts, globals, listeners) for the next evaluation
            } else {
                lease.discard(); // cut short mid-run: its state is not to be trusted
            }
        }
    }

    private Decisions fire(
            KieSession session, Ruleset ruleset, LocalDate day, List<Object> facts, FiringRecorder recorder)
            throws RulesFailedException {
        session.addEventListener((RuleRuntimeEventListener) recorder);
        if (recorder.explain || recorder.count) {
            // Only then are firings recorded; without an agenda listener Drools makes no event
            // per match created, cancelled or fired.
            session.addEventListener((AgendaEventListener) recorder);
        }
        int count;
        try {
            start(session, ruleset, day, facts); // inserting evaluates the conditions: they may throw too
            count = session.fireAllRules(firingLimit);
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RulesFailedException(rule, "rule \"" + rule + "\" threw " + cause, cause);
        }
        if (count >= firingLimit) {
            String rule = mostFired(ruleset, day, facts);
            throw new RulesFailedException(
                    rule, "the rules fired " + count + " times, the limit; rule \"" + rule + "\" fired most", null);
        }
        if (observer != null) {
            observer.fired(recorder.firings);
        }
        return new Decisions(recorder.facts, recorder.ruleOf, new ArrayList<>(recorder.fired), recorder.derived);
    }

    /** The catalog's global, the facts, and the phases' focus: a session ready to fire. */
    private static void start(KieSession session, Ruleset ruleset, LocalDate day, List<Object> facts) {
        if (ruleset.readsCatalog()) {
            session.setGlobal(CATALOG_GLOBAL, ruleset.catalog().on(day));
        }
        // date-effective and date-expires hold from midnight of their day in the JVM's zone (as Drools
        // reads them): noon of the evaluation date is past the one and before the other
        ((PseudoClockScheduler) session.getSessionClock())
                .setStartupTime(day.atTime(12, 0)
                        .atZone(ZoneId.systemDefault())
                        .toInstant()
                        .toEpochMilli());
        for (Object fact : facts) {
            session.insert(fact);
        }
        for (int i = PHASES.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(PHASES.get(i)).setFocus();
        }
    }

    /**
     * Runs the facts again, counting per rule its firings and the facts it updated, to name the rule
     * that loops. A loop is almost always a rule whose update re-activates itself; every rule that
     * reacts to the updated fact fires as often, so the rule that updated most is named, and the
     * rule that fired most only when no rule updated anything.
     */
    private String mostFired(Ruleset ruleset, LocalDate day, List<Object> facts) {
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
            start(session, ruleset, day, facts);
            session.fireAllRules(firingLimit);
            Map<String, Integer> evidence = updates.isEmpty() ? firings : updates;
            return evidence.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        } finally {
            session.dispose();
        }
    }
}
