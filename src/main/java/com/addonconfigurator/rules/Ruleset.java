package com.addonconfigurator.rules;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.messages.Messages;
import com.addonconfigurator.rules.pool.SessionPool;
import com.addonconfigurator.rules.pool.SessionPools;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionConfiguration;

/**
 * Everything one version of the rules folder needs to evaluate carts, built once and never changed:
 * the compiled rules, the catalog, the messages, and which file each rule comes from.
 *
 * @param version  a hash of the rules folder's content
 * @param ruleFile rule name to its DRL file (relative to the rules folder)
 * @param kieBase  the compiled rules (the first of the copies behind {@code sessions})
 * @param sessions pools of sessions, one per copy of the rule base (one copy per core, so that
 *                 threads on different cores rarely share one); a thread always draws from the
 *                 same pool, and threads are given the pools in turn; a returned session is reset
 *                 and reused, which spares each evaluation the building of the rule network's memories
 * @param sessionOptions the configuration the sessions are made with
 * @param readsCatalog whether the rules declare the catalog's global (a session refuses a global
 *                 its rules do not declare)
 * @param compiledFromCache whether the compiled rules were read from the {@link CompiledRulesCache}
 *                 instead of compiled for this load
 * @param generatedCode the classes Drools generated for the DRL, by the rule or function they come from
 * @param contentHash the whole SHA-256 (hex) over the rules folder's files, of which {@code version}
 *                 is the start
 * @param sources  the rules folder's files it was built from, by relative path (never changed:
 *                 what a quote archives, and {@link RulesetLoader#load(Map)} builds again)
 */
public record Ruleset(
        String version,
        Instant loadedAt,
        KieBase kieBase,
        Catalog catalog,
        Messages messages,
        List<RuleFile> files,
        Map<String, String> ruleFile,
        SessionPools sessions,
        KieSessionConfiguration sessionOptions,
        boolean readsCatalog,
        boolean compiledFromCache,
        GeneratedCode generatedCode,
        String contentHash,
        Map<String, byte[]> sources) {

    /** A session from this thread's pool, for one evaluation on this thread; close the lease after use. */
    public SessionPool.Lease lease() {
        return sessions.lease();
    }
}
