package com.addonconfigurator.rules.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * The session pools of a ruleset, one per copy of its rule base. A thread keeps the copy it was
 * first given, and threads are given the copies in turn, so that threads running at the same time
 * use different copies (a thread's id modulo the copies can put two busy threads on one copy:
 * thread ids need not alternate).
 */
public final class SessionPools {
    /** Sessions each pool starts with; it grows with concurrent evaluations (the first ones make the rest). */
    private static final int SESSIONS_KEPT = 1;
    /** Copies of the rule base kept at most (one per core). */
    private static final int MAX_RULE_BASES = 8;

    private final List<SessionPool> pools;
    private final AtomicInteger turn = new AtomicInteger();
    // Holds an index, not the pool: a thread outliving this ruleset keeps no rule base alive.
    private final ThreadLocal<Integer> copyOfThread;

    SessionPools(List<SessionPool> pools) {
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("at least one pool");
        }
        this.pools = List.copyOf(pools);
        this.copyOfThread = ThreadLocal.withInitial(() -> Math.floorMod(turn.getAndIncrement(), this.pools.size()));
    }

    /**
     * One rule base per core, each with its pool of sessions, all built from the compiled packages
     * of {@code first} (no second compile): Drools writes rule-base-wide state on every run, so
     * threads sharing one rule base take turns. Every copy has the classes generated for its rules
     * defined before any evaluation can run on it ({@link RuleClasses}).
     */
    public static SessionPools of(KieBase first, KieBaseConfiguration baseOptions, KieSessionConfiguration options) {
        int bases = Math.max(1, Math.min(MAX_RULE_BASES, Runtime.getRuntime().availableProcessors()));
        List<SessionPool> pools = new ArrayList<>();
        pools.add(new SessionPool(first, options, SESSIONS_KEPT));
        for (int i = 1; i < bases; i++) {
            InternalKnowledgeBase copy = KnowledgeBaseFactory.newKnowledgeBase(baseOptions);
            copy.addPackages(first.getKiePackages());
            pools.add(new SessionPool(copy, options, SESSIONS_KEPT));
        }
        SessionPools sessions = new SessionPools(pools);
        sessions.kieBases().forEach(RuleClasses::defineAll);
        return sessions;
    }

    /**
     * A session is used by one evaluation, on one thread, at a time, so it need not lock: Drools
     * then propagates facts directly instead of through a synchronized queue.
     */
    public static KieSessionConfiguration sessionOptions() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        // the rules' date-effective and date-expires are read against the evaluation date, which
        // RuleEngine sets as the session's time before each evaluation (never the server's clock)
        conf.setOption(ClockTypeOption.PSEUDO);
        return conf;
    }

    /** A session from this thread's pool, for one evaluation on this thread; close the lease after use. */
    public SessionPool.Lease lease() {
        return pools.get(copyOfThread.get()).lease();
    }

    /** The copies of the rule base, one per pool. */
    List<KieBase> kieBases() {
        return pools.stream().map(SessionPool::kieBase).toList();
    }
}
