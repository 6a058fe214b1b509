package com.addonconfigurator.api;

import static com.addonconfigurator.api.HttpContractTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestClock;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.quotes.QuoteSettings;
import com.addonconfigurator.store.DatabaseSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quote endpoints over HTTP, on a real database: each subclass gives the database (the
 * embedded default, PostgreSQL). The clock stands at noon in Rome on a fixed day, moved by hand.
 */
abstract class QuotesHttpContract {
    static final String TOKEN = "s3cret-admin-token-for-tests";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOON = Instant.parse("2026-12-03T11:00:00Z");
    static final String TODAY = "2026-12-03";

    @TempDir
    Path temp;

    RulesCopy rules;
    TestClock clock;
    QuoteSettings settings;
    final List<TestServer> servers = new ArrayList<>();

    /** A fresh, empty database for one test. */
    abstract DatabaseSettings database();

    /** The same kind of database, down or unusable. */
    abstract DatabaseSettings unavailableDatabase();

    @BeforeEach
    void setUp() {
        rules = RulesCopy.into(temp.resolve("rules"));
        clock = new TestClock(NOON);
        settings = QuoteSettings.embedded(temp.resolve("data")).withDatabase(database());
    }

    @AfterEach
    void stopAll() {
        servers.forEach(TestServer::stop);
    }

    TestServer start(QuoteSettings quotes) {
        AppConfig config = AppConfig.defaults(rules.folder())
                .withAdminToken(TOKEN)
                .with(b -> b.scenarioGate = false)
                .withQuotes(quotes);
        TestServer server = TestServer.start(config, true, clock);
        servers.add(server);
        return server;
    }

    /** The api.md cart without its date and without the module it may not have: it may go to checkout. */
    static JsonNode cart() {
        return RequestBodies.example()
                .remove("evaluationDate")
                .set("cart.modules", List.of("INCASSI_PAGAMENTI"))
                .json();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    static JsonNode created(TestServer server, JsonNode body, String... headers) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/quotes", body, headers);
        assertEquals(201, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("Quote", response.body());
        JsonNode quote = json(response);
        assertEquals(
                "/api/v1/quotes/" + quote.get("quoteId").asText(),
                response.headers().firstValue("Location").orElse(""));
        return quote;
    }

    static HttpResponse<String> confirm(TestServer server, String id) throws Exception {
        return server.post("/api/v1/quotes/" + id + "/confirm", Map.of());
    }

    @Test
    void aQuoteIsCreatedReadConfirmedAndConfirmingAgainReturnsTheFirstConfirmation() throws Exception {
        TestServer server = start(settings);
        JsonNode body = RequestBodies.example()
                .remove("evaluationDate")
                .set("cart.modules", List.of("INCASSI_PAGAMENTI"))
                .set("reference", "cart-42")
                .json();
        JsonNode quote = created(server, body, "Accept-Language", "en");
        String id = quote.get("quoteId").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals("cart-42", quote.get("reference").asText());
        assertEquals("OPEN", quote.get("status").asText());
        assertEquals(NOON.toString(), quote.get("createdAt").asText());
        // valid until the end of the day in Rome
        assertEquals(
                LocalDate.parse(TODAY)
                        .plusDays(1)
                        .atStartOfDay(ZoneId.of("Europe/Rome"))
                        .toInstant()
                        .toString(),
                quote.get("validUntil").asText());

        // the answer is exactly the evaluate answer for the same cart on the same day, in the language asked
        JsonNode evaluated = json(server.post(
                "/api/v1/evaluate",
                ((com.fasterxml.jackson.databind.node.ObjectNode) cart()).put("evaluationDate", TODAY),
                "Accept-Language",
                "en"));
        assertEquals(evaluated, quote.get("answer"));
        assertEquals(evaluated.get("rulesetVersion"), quote.get("rulesetVersion"));

        HttpResponse<String> read = server.get("/api/v1/quotes/" + id);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(quote, json(read));

        HttpResponse<String> first = confirm(server, id);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode confirmed = json(first);
        assertEquals("CONFIRMED", confirmed.get("status").asText());
        assertEquals(NOON.toString(), confirmed.get("confirmedAt").asText());
        assertEquals(quote.get("rulesetVersion"), confirmed.get("confirmedRulesetVersion"));
        assertEquals(quote.get("answer"), confirmed.get("answer"));

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> again = confirm(server, id);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(confirmed, json(again));
        assertEquals(confirmed, json(server.get("/api/v1/quotes/" + id)));
    }

    @Test
    void explainReturnsTheFiredRulesAndTheRuleOfEachDecisionAsTheyWereWhenPriced() throws Exception {
        TestServer server = start(settings);
        String id = created(server, cart()).get("quoteId").asText();
        JsonNode explained = json(server.get("/api/v1/quotes/" + id + "?explain=true"));
        JsonNode answer = explained.get("answer");
        assertFalse(answer.get("firedRules").isEmpty(), answer.toString());
        assertFalse(answer.get("derivedFacts").isEmpty(), answer.toString());
        assertTrue(answer.get("pricing").get("lines").get(0).has("rule"), answer.toString());
        JsonNode plain = json(server.get("/api/v1/quotes/" + id)).get("answer");
        assertFalse(plain.has("firedRules"));

        // kept at creation: a reload of changed rules does not change the explanation
        rules.replace(
                "catalog.yaml",
                "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                "price: \"35.00\"\n  - code: DOCUMENTI");
        reload(server);
        assertEquals(explained, json(server.get("/api/v1/quotes/" + id + "?explain=true")));
    }

    static void reload(TestServer server) throws Exception {
        HttpResponse<String> reloaded =
                server.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer " + TOKEN);
        assertEquals(200, reloaded.statusCode(), reloaded.body());
    }

    @Test
    void aPriceChangedBeforeConfirmationIs409WithTheAmountAndTheReplayIsStillIdentical() throws Exception {
        TestServer server = start(settings);
        JsonNode quote = created(server, cart());
        String id = quote.get("quoteId").asText();
        String quotedVersion = quote.get("rulesetVersion").asText();

        rules.replace(
                "catalog.yaml",
                "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                "price: \"35.00\"\n  - code: DOCUMENTI");
        reload(server);

        JsonNode error = error(confirm(server, id), 409, "QUOTE_CHANGED");
        Map<String, JsonNode> differences = new java.util.HashMap<>();
        error.get("details").forEach(d -> differences.put(d.get("field").asText(), d));
        JsonNode line = differences.get("pricing.lines.INCASSI_PAGAMENTI.amount");
        assertTrue(line != null, error.toString());
        assertEquals("30.00", line.get("quoted").asText());
        assertEquals("35.00", line.get("now").asText());
        assertTrue(differences.containsKey("pricing.net"), error.toString());
        assertEquals(
                "OPEN", json(server.get("/api/v1/quotes/" + id)).get("status").asText());

        HttpResponse<String> replay =
                server.get("/api/v1/quotes/" + id + "/replay", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, replay.statusCode(), replay.body());
        OpenApiSchemas.assertValid("Replay", replay.body());
        assertTrue(json(replay).get("identical").asBoolean(), replay.body());
        assertEquals(0, json(replay).get("differences").size());

        HttpResponse<String> archived =
                server.get("/api/v1/rulesets/" + quotedVersion, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, archived.statusCode(), archived.body());
        OpenApiSchemas.assertValid("ArchivedRuleset", archived.body());
        assertTrue(json(archived)
                .get("files")
                .get("catalog.yaml")
                .asText()
                .contains("price: \"30.00\"     # *\n  - code: DOCUMENTI"));
        assertTrue(json(archived).get("files").has("pricing.drl"), archived.body());
    }

    @Test
    void aRestartLosesNoQuoteAndTheQuoteStillConfirmsAndReplays() throws Exception {
        TestServer first = start(settings);
        String id = created(first, cart()).get("quoteId").asText();
        JsonNode before = json(first.get("/api/v1/quotes/" + id));
        first.stop();
        servers.remove(first);

        TestServer second = start(settings);
        assertEquals(before, json(second.get("/api/v1/quotes/" + id)));
        assertTrue(json(second.get("/api/v1/quotes/" + id + "/replay", "Authorization", "Bearer " + TOKEN))
                .get("identical")
                .asBoolean());
        assertEquals(200, confirm(second, id).statusCode());
    }

    @Test
    void aQuotePastItsTtlIsExpiredAndConfirmingItIs410() throws Exception {
        TestServer server = start(settings.withTtl(Duration.ofSeconds(1)));
        JsonNode quote = created(server, cart());
        assertEquals(NOON.plusSeconds(1).toString(), quote.get("validUntil").asText());
        clock.advance(Duration.ofSeconds(2));
        String id = quote.get("quoteId").asText();
        assertEquals(
                "EXPIRED",
                json(server.get("/api/v1/quotes/" + id)).get("status").asText());
        error(confirm(server, id), 410, "QUOTE_EXPIRED");
    }

    @Test
    void aCartThatMayNotGoToCheckoutIsNotQuoted422WithTheRejectedItemsAndReasons() throws Exception {
        TestServer server = start(settings);
        JsonNode body = RequestBodies.example().remove("evaluationDate").json();
        JsonNode error = error(server.post("/api/v1/quotes", body, "Accept-Language", "en"), 422, "QUOTE_NOT_ALLOWED");
        JsonNode detail = error.get("details").get(0);
        assertEquals("items.WOOCOMMERCE", detail.get("field").asText());
        assertEquals("REQUIRES_DOCUMENTI", detail.get("reason").asText());
        assertTrue(detail.get("message").asText().contains("Documents"), detail.toString());
    }

    @Test
    void twoConfirmationsAtOnceOnTwoReplicasConfirmTheQuoteOnce() throws Exception {
        TestServer one = start(settings);
        TestServer two = start(settings);
        String id = created(one, cart()).get("quoteId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                TestServer replica = i % 2 == 0 ? one : two;
                clock.advance(Duration.ofMillis(1));
                calls.add(pool.submit((Callable<HttpResponse<String>>) () -> confirm(replica, id)));
            }
            Set<String> confirmations = new HashSet<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertEquals(200, response.statusCode(), response.body());
                confirmations.add(json(response).get("confirmedAt").asText());
            }
            assertEquals(1, confirmations.size(), confirmations.toString());
            assertEquals(
                    confirmations.iterator().next(),
                    json(two.get("/api/v1/quotes/" + id)).get("confirmedAt").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownAndMalformedIdsAre404AndNever500() throws Exception {
        TestServer server = start(settings);
        for (String id : List.of(
                "00000000000000000000000000000000",
                "AAAAAAAAAAAAAAAAAAAAAA",
                "nope",
                "x".repeat(400),
                "%27%3B--",
                "..%2F..%2Fetc")) {
            error(server.get("/api/v1/quotes/" + id), 404, "NOT_FOUND");
            error(confirm(server, id), 404, "NOT_FOUND");
        }
        error(server.get("/api/v1/rulesets/0123456789ab", "Authorization", "Bearer " + TOKEN), 404, "NOT_FOUND");
        error(server.get("/api/v1/rulesets/..", "Authorization", "Bearer " + TOKEN), 404, "NOT_FOUND");
    }

    @Test
    void aBadReferenceOrADateOtherThanTodayIs400NamingTheField() throws Exception {
        TestServer server = start(settings);
        JsonNode tooLong = ((com.fasterxml.jackson.databind.node.ObjectNode) cart()).put("reference", "r".repeat(101));
        assertEquals(
                "reference",
                error(server.post("/api/v1/quotes", tooLong), 400, "INVALID_REQUEST")
                        .get("field")
                        .asText());
        JsonNode number = ((com.fasterxml.jackson.databind.node.ObjectNode) cart()).put("reference", 42);
        assertEquals(
                "reference",
                error(server.post("/api/v1/quotes", number), 400, "INVALID_REQUEST")
                        .get("field")
                        .asText());
        JsonNode yesterday =
                ((com.fasterxml.jackson.databind.node.ObjectNode) cart()).put("evaluationDate", "2026-12-02");
        JsonNode dated =
                error(server.post("/api/v1/quotes", yesterday, "Accept-Language", "en"), 400, "INVALID_REQUEST");
        assertEquals("evaluationDate", dated.get("field").asText());
        assertTrue(dated.get("message").asText().contains(TODAY), dated.toString());
        // today, given explicitly, is a quote like any other
        created(server, ((com.fasterxml.jackson.databind.node.ObjectNode) cart()).put("evaluationDate", TODAY));
        // and everything else is refused as evaluate refuses it
        JsonNode unknown = ((com.fasterxml.jackson.databind.node.ObjectNode) cart()).put("colour", "red");
        assertEquals(
                "colour",
                error(server.post("/api/v1/quotes", unknown), 400, "INVALID_REQUEST")
                        .get("field")
                        .asText());
    }

    @Test
    void aStoreThatIsDownIs503OnQuotesWhileEvaluateAndReadyKeepAnswering() throws Exception {
        TestServer server = start(settings.withDatabase(unavailableDatabase()));
        HttpResponse<String> response = server.post("/api/v1/quotes", cart());
        error(response, 503, "STORE_UNAVAILABLE");
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        error(server.get("/api/v1/quotes/00000000000000000000000000000000"), 503, "STORE_UNAVAILABLE");
        assertEquals(200, server.post("/api/v1/evaluate", cart()).statusCode());
        assertEquals(200, server.get("/ready").statusCode());
        assertEquals(200, server.get("/health").statusCode());
        String metrics = server.get("/metrics").body();
        assertTrue(metrics.contains("addon_store_errors_total 2.0"), metrics);
        assertTrue(metrics.contains("addon_quotes_total{outcome=\"STORE_UNAVAILABLE\"} 2.0"), metrics);
    }

    @Test
    void metricsCountQuotesByOutcome() throws Exception {
        TestServer server = start(settings);
        String id = created(server, cart()).get("quoteId").asText();
        confirm(server, id);
        server.post(
                "/api/v1/quotes",
                RequestBodies.example().remove("evaluationDate").json());
        String metrics = server.get("/metrics").body();
        for (String outcome : List.of("CREATED", "CONFIRMED", "NOT_ALLOWED")) {
            assertTrue(metrics.contains("addon_quotes_total{outcome=\"" + outcome + "\"} 1.0"), metrics);
        }
    }
}
