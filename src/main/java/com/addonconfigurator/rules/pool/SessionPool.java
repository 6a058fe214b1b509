package com.addonconfigurator.rules.pool;

import java.util.ArrayDeque;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;

/**
 * Sessions of one rule base, reset after each use and handed out again, the most recently returned
 * first. Drools' own pool ({@code KieBase.newKieSessionsPool}) hands out the least recently returned
 * (a FIFO queue), so every evaluation ran on the session whose memory had gone coldest in the CPU's
 * caches; here a thread evaluating alone always gets the session it just used.
 */
public final class SessionPool {
    /** Idle sessions kept at most; one returned beyond is disposed. */
    static final int MAX_IDLE = 64;

    private final KieBase kieBase;
    private final KieSessionConfiguration options;
    private final ArrayDeque<KieSession> idle = new ArrayDeque<>();

    SessionPool(KieBase kieBase, KieSessionConfiguration options, int initial) {
        this.kieBase = kieBase;
        this.options = options;
        for (int i = 0; i < initial; i++) {
            idle.push(kieBase.newKieSession(options, null));
        }
    }

    /** A session with no facts, globals or listeners; give it back with {@link Lease#close()}. */
    public Lease lease() {
        KieSession session;
        synchronized (idle) {
            session = idle.poll();
        }
        return new Lease(session != null ? session : kieBase.newKieSession(options, null));
    }

    private void giveBack(KieSession session) {
        // What Drools' pool does to a returned session: memories, agenda, facts, globals and listeners cleared.
        ((StatefulKnowledgeSessionImpl) session).reset();
        synchronized (idle) {
            if (idle.size() < MAX_IDLE) {
                idle.push(session);
                return;
            }
        }
        session.dispose();
    }

    KieBase kieBase() {
        return kieBase;
    }

    int idle() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** One evaluation's use of a session. */
    public final class Lease implements AutoCloseable {
        private final KieSession session;

        private Lease(KieSession session) {
            this.session = session;
        }

        public KieSession session() {
            return session;
        }

        @Override
        public void close() {
            giveBack(session);
        }

        /** Throws the session away instead of giving it back (its run was cut short). */
        public void discard() {
            try {
                session.dispose();
            } catch (RuntimeException ignored) {
                // a session cut short may not dispose cleanly; it is dropped either way
            }
        }
    }
}
