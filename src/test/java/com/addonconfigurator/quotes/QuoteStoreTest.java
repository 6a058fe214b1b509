package com.addonconfigurator.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.api.RequestBodies;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.store.DatabaseSettings;
import com.addonconfigurator.store.StoreUnavailableException;
import com.addonconfigurator.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quotes and archived rulesets in the database, on the embedded one and on PostgreSQL. */
class QuoteStoreTest {
    @TempDir
    Path temp;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("embedded", (Function<Path, DatabaseSettings>) DatabaseSettings::embedded),
                Arguments.of("PostgreSQL", (Function<Path, DatabaseSettings>) dir -> TestDatabases.freshPostgres()));
    }

    static JsonNode cart() {
        return RequestBodies.example()
                .remove("evaluationDate")
                .set("cart.modules", List.of("INCASSI_PAGAMENTI"))
                .json();
    }

    @ParameterizedTest(name = "on the {0} database")
    @MethodSource("databases")
    void aQuoteIsStoredWholeOrNotAtAllWithItsRulesetArchivedOnce(String name, Function<Path, DatabaseSettings> db)
            throws Exception {
        try (QuotesOnADatabase quotes = new QuotesOnADatabase(db.apply(temp))) {
            Quote first = quotes.service.create(cart(), Language.IT);
            quotes.service.create(cart(), Language.IT);
            ArchivedRuleset archived =
                    quotes.store.ruleset(first.rulesetVersion()).orElseThrow();
            assertEquals(quotes.ruleset.contentHash(), archived.contentHash());
            assertEquals(quotes.ruleset.sources().keySet(), archived.files().keySet());
            assertEquals(
                    new String(quotes.ruleset.sources().get("catalog.yaml"), StandardCharsets.UTF_8),
                    new String(archived.files().get("catalog.yaml"), StandardCharsets.UTF_8));

            // a quote that cannot be stored (its id taken) takes its new ruleset's archive down with it
            Quote clash = new Quote(
                    first.id(),
                    null,
                    first.createdAt(),
                    first.validUntil(),
                    "0123456789ab",
                    "it",
                    "{}",
                    "{}",
                    "{}",
                    null,
                    null);
            assertThrows(
                    StoreUnavailableException.class,
                    () -> quotes.store.insert(clash, "f".repeat(64), Map.of("rules.drl", new byte[] {1})));
            assertTrue(quotes.store.ruleset("0123456789ab").isEmpty());
            assertEquals(first, quotes.store.find(first.id()).orElseThrow());
        }
    }

    @ParameterizedTest(name = "on the {0} database")
    @MethodSource("databases")
    void retentionDeletesOldQuotesInBatchesThenTheRulesetsNoQuoteNeeds(String name, Function<Path, DatabaseSettings> db)
            throws Exception {
        try (QuotesOnADatabase quotes = new QuotesOnADatabase(db.apply(temp))) {
            String version = quotes.ruleset.version();
            for (int i = 0; i < 5; i++) {
                quotes.service.create(cart(), Language.IT);
            }
            quotes.clock.advance(Duration.ofDays(10));
            Quote recent = quotes.service.create(cart(), Language.IT);
            // as on another replica: its own store, whose deletions the first store does not see
            QuoteRetention retention =
                    new QuoteRetention(new QuoteStore(quotes.database), Duration.ofDays(5), quotes.clock, 2);

            assertEquals(5, retention.run());
            assertTrue(quotes.store.find(recent.id()).isPresent());
            assertTrue(quotes.store.ruleset(version).isPresent(), "a quote still refers to it");

            quotes.clock.advance(Duration.ofDays(10));
            assertEquals(1, retention.run());
            assertTrue(quotes.store.ruleset(version).isEmpty(), "no quote refers to it any more");
            assertEquals(0, retention.run());

            // the next quote archives its ruleset again, whatever the store remembered
            Quote next = quotes.service.create(cart(), Language.IT);
            assertTrue(quotes.store.ruleset(version).isPresent());
            assertTrue(quotes.store.find(next.id()).isPresent());
        }
    }
}
