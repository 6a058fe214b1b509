package com.addonconfigurator.rules;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;

/**
 * The session pools of a ruleset, one per copy of its rule base. A thread keeps the copy it was
 * first given, and threads are given the copies in turn, so that threads running at the same time
 * use different copies (a thread's id modulo the copies can put two busy threads on one copy:
 * thread ids need not alternate).
 */
public final class SessionPools {
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

    /** A session from this thread's pool, for one evaluation on this thread; close the lease after use. */
    public SessionPool.Lease lease() {
        return pools.get(copyOfThread.get()).lease();
    }

    /** The copies of the rule base, one per pool. */
    List<KieBase> kieBases() {
        return pools.stream().map(SessionPool::kieBase).toList();
    }
}
