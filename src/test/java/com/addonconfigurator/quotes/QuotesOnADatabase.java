package com.addonconfigurator.quotes;

import com.addonconfigurator.TestClock;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.store.Database;
import com.addonconfigurator.store.DatabaseSettings;
import java.time.Instant;

/** The quote service on a database, without HTTP: the project's rules, a clock moved by hand. */
final class QuotesOnADatabase implements AutoCloseable {
    static final Instant NOON = Instant.parse("2026-12-03T11:00:00Z");

    final TestClock clock = new TestClock(NOON);
    final Ruleset ruleset = TestRules.project();
    final Database database;
    final QuoteStore store;
    final QuoteService service;

    QuotesOnADatabase(DatabaseSettings settings) {
        database = new Database(settings, clock);
        store = new QuoteStore(database);
        EvaluationService evaluation = new EvaluationService(() -> ruleset, new RuleEngine(10_000), clock);
        service = new QuoteService(
                () -> ruleset,
                evaluation,
                store,
                new QuoteSettings(settings, null, QuoteSettings.DEFAULT_RETENTION),
                clock,
                Json.newMapper());
    }

    @Override
    public void close() {
        database.close();
    }
}
