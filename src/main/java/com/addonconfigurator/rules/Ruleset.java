package com.addonconfigurator.rules;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Everything one version of the rules folder needs to evaluate carts, built once and never changed:
 * the compiled rules, the catalog, the messages, and which file each rule comes from.
 *
 * @param version  a hash of the rules folder's content
 * @param ruleFile rule name to its DRL file (relative to the rules folder)
 * @param kieBase  the compiled rules (the first of the copies behind {@code sessions})
 * @param sessions pools of sessions, one per copy of the rule base (one copy per core, so that
 *                 threads on different cores rarely share one); a thread always draws from the
 *                 same pool; a disposed session is reset and reused, which spares each evaluation
 *                 the building of the rule network's memories
 * @param sessionOptions the configuration the pool's sessions are made with (the pool keeps one
 *                 set of sessions per configuration object, so it is always this one)
 * @param readsCatalog whether the rules declare the catalog's global (a session refuses a global
 *                 its rules do not declare)
 * @param compiledFromCache whether the compiled rules were read from the {@link CompiledRulesCache}
 *                 instead of compiled for this load
 */
public record Ruleset(String version, Instant loadedAt, KieBase kieBase, Catalog catalog, Messages messages,
                      List<RuleFile> files, Map<String, String> ruleFile, List<KieSessionsPool> sessions,
                      KieSessionConfiguration sessionOptions, boolean readsCatalog,
                      boolean compiledFromCache) {

    /** A session from the pool, configured for one evaluation on one thread; dispose it after use. */
    public KieSession newSession() {
        KieSessionsPool pool = sessions.get((int) (Thread.currentThread().getId() % sessions.size()));
        return pool.newKieSession(sessionOptions);
    }
}
