package com.addonconfigurator.rules.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.facts.Item;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;

/** Sessions are reused hottest first, come back empty, and threads spread over the rule base's copies. */
class SessionPoolTest {
    private static final KieSessionConfiguration OPTIONS = KieServices.get().newKieSessionConfiguration();

    @Test
    void aThreadEvaluatingAloneGetsBackTheSessionItJustUsed() {
        SessionPool pool = new SessionPool(TestRules.project().kieBase(), OPTIONS, 4);
        KieSession first;
        try (SessionPool.Lease lease = pool.lease()) {
            first = lease.session();
        }
        try (SessionPool.Lease again = pool.lease()) {
            assertSame(first, again.session());
        }
        assertEquals(4, pool.idle());
    }

    @Test
    void aReturnedSessionComesBackWithoutFactsGlobalsOrListeners() {
        Ruleset ruleset = TestRules.project();
        SessionPool pool = new SessionPool(ruleset.kieBase(), OPTIONS, 1);
        try (SessionPool.Lease lease = pool.lease()) {
            KieSession s = lease.session();
            s.setGlobal(RuleEngine.CATALOG_GLOBAL, ruleset.catalog());
            s.addEventListener(new DefaultAgendaEventListener());
            s.insert(new Item("WOOCOMMERCE", "MODULE", 1, 0));
            assertEquals(1, s.getFactCount());
            assertEquals(1, s.getAgendaEventListeners().size());
        }
        try (SessionPool.Lease lease = pool.lease()) {
            KieSession s = lease.session();
            assertEquals(0, s.getFactCount());
            assertNull(s.getGlobal(RuleEngine.CATALOG_GLOBAL));
            assertEquals(0, s.getAgendaEventListeners().size());
        }
    }

    @Test
    void returnedSessionsBeyondWhatIsKeptAreDisposed() {
        SessionPool pool = new SessionPool(TestRules.project().kieBase(), OPTIONS, 0);
        List<SessionPool.Lease> leases = new ArrayList<>();
        for (int i = 0; i < SessionPool.MAX_IDLE + 3; i++) {
            leases.add(pool.lease());
        }
        leases.forEach(SessionPool.Lease::close);

        assertEquals(SessionPool.MAX_IDLE, pool.idle());
    }

    @Test
    void threadsAreGivenTheCopiesInTurnAndKeepTheirs() throws Exception {
        KieBase one = TestRules.project().kieBase();
        KieBase other =
                new RulesetLoader(Clock.systemUTC()).load(TestRules.FOLDER).kieBase();
        SessionPools pools =
                new SessionPools(List.of(new SessionPool(one, OPTIONS, 1), new SessionPool(other, OPTIONS, 1)));
        ExecutorService a = Executors.newSingleThreadExecutor();
        ExecutorService b = Executors.newSingleThreadExecutor();
        try {
            KieBase ofA = CompletableFuture.supplyAsync(() -> baseOf(pools), a).get();
            KieBase ofB = CompletableFuture.supplyAsync(() -> baseOf(pools), b).get();

            assertNotSame(ofA, ofB, "two threads, two copies");
            assertTrue(ofA == one || ofA == other);
            for (int i = 0; i < 5; i++) {
                assertSame(
                        ofA,
                        CompletableFuture.supplyAsync(() -> baseOf(pools), a).get());
                assertSame(
                        ofB,
                        CompletableFuture.supplyAsync(() -> baseOf(pools), b).get());
            }
        } finally {
            a.shutdownNow();
            b.shutdownNow();
        }
    }

    private static KieBase baseOf(SessionPools pools) {
        try (SessionPool.Lease lease = pools.lease()) {
            return lease.session().getKieBase();
        }
    }
}
