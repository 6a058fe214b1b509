package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a careless rule author can write, and how the service survives each: over HTTP, on the real server. */
class RuleMistakesHttpTest {
    /** Spins or fails for a number of users no scenario of the project uses. */
    static final String MISTAKES = """
            package addonconfigurator;

            import com.addonconfigurator.rules.facts.*;

            function long spin(long x) {
                while (x > 0) { x = x + 1; if (x == Long.MAX_VALUE) { x = 1; } }
                return x;
            }

            function boolean spinsFor(int quantity) {
                if (quantity == 11) { spin(1); }
                return false;
            }

            function boolean throwsFor(int quantity) {
                if (quantity == 12) { throw new IllegalStateException("a condition that throws"); }
                return false;
            }

            function int deeper(int n) {
                return deeper(n + 1) + 1;
            }

            rule "R99 Spins in its consequence for four users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", quantity == 4 )
            then
                long x = 1;
                while (x > 0) { x = x + 1; if (x == Long.MAX_VALUE) { x = 1; } }
            end

            rule "R99 Spins in a function for five users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", quantity == 5 )
            then
                spin(1);
            end

            rule "R99 Spins in a condition for eleven users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", spinsFor(quantity) )
            then
            end

            rule "R99 Throws in a condition for twelve users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", throwsFor(quantity) )
            then
            end

            rule "R99 Recurses without end for thirteen users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", quantity == 13 )
            then
                deeper(0);
            end
            """;

    static final int TIME_LIMIT_MS = 300;

    private static TestServer server;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start(@TempDir Path temp) {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules")).write("mistakes.drl", MISTAKES);
        server = TestServer.start(AppConfig.defaults(rules.folder()).withTimeLimit(TIME_LIMIT_MS), true);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "{1} users: RULES_FAILED naming {2}, and the next request is served")
    @CsvSource({
        "a consequence that spins, 4, R99 Spins in its consequence for four users",
        "a function that spins, 5, function spin",
        "a condition that spins, 11, function spin",
        "a condition that throws, 12, R99 Throws in a condition for twelve users",
        "a rule that recurses without end, 13, R99 Recurses without end for thirteen users"
    })
    void aRuleMistakeFailsThatRequestAloneNamingWhereItIs(String what, int users, String where) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> failed = server.post(
                "/api/v1/evaluate",
                RequestBodies.example().set("cart.users", users).json());
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(500, failed.statusCode(), what + ": " + failed.body());
        JsonNode error = mapper.readTree(failed.body()).get("error");
        assertEquals("RULES_FAILED", error.get("code").asText(), failed.body());
        assertTrue(error.get("message").asText().contains(where), failed.body());
        assertTrue(tookMs < TIME_LIMIT_MS + 2_000, what + " answered after " + tookMs + " ms");
        HttpResponse<String> next =
                server.post("/api/v1/evaluate", RequestBodies.example().json());
        assertEquals(200, next.statusCode(), next.body());
    }

    @Test
    void evaluationsStoppedAtTheTimeLimitAreCountedInTheRulesStatusAndTheMetrics() throws Exception {
        server.post(
                "/api/v1/evaluate", RequestBodies.example().set("cart.users", 4).json());

        JsonNode timeLimit = mapper.readTree(server.get("/api/v1/rules").body()).get("timeLimit");
        assertEquals(TIME_LIMIT_MS, timeLimit.get("limitMs").asInt());
        assertTrue(timeLimit.get("stopped").asInt() >= 1, timeLimit.toString());
        assertEquals(0, timeLimit.get("stuck").asInt(), timeLimit.toString());
        String metrics = server.get("/metrics").body();
        assertTrue(metrics.contains("addon_rules_stopped_total"), metrics);
        assertEquals(200, server.get("/health").statusCode());
        assertEquals(200, server.get("/ready").statusCode());
    }

    @Test
    void aThreadThatCannotBeStoppedIsCountedAndTurnsHealthAndReadinessUnhealthy(@TempDir Path temp) throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules")).write("helper.drl", """
                package addonconfigurator;
                import com.addonconfigurator.rules.facts.*;
                rule "R99 Waits in a helper for four users"
                ruleflow-group "decisions"
                when
                    Item( kind == "USERS", quantity == 4 )
                then
                    com.addonconfigurator.api.Spinner.spinUntilReleased();
                end
                """);
        TestServer stuck = TestServer.start(
                AppConfig.defaults(rules.folder())
                        .withTimeLimit(TIME_LIMIT_MS)
                        .withRulesAllowedClasses(java.util.List.of(Spinner.class.getName()))
                        .with(b -> b.stuckLimit = 0),
                true);
        try {
            java.util.concurrent.CompletableFuture<HttpResponse<String>> held =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return stuck.post(
                                    "/api/v1/evaluate",
                                    RequestBodies.example().set("cart.users", 4).json());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            long deadline = System.nanoTime() + 10_000_000_000L;
            HttpResponse<String> health = stuck.get("/health");
            while (health.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                health = stuck.get("/health");
            }

            assertEquals(503, health.statusCode(), health.body());
            assertEquals(
                    "UNHEALTHY",
                    mapper.readTree(health.body()).get("error").get("code").asText());
            assertEquals(503, stuck.get("/ready").statusCode());
            assertEquals(
                    1,
                    mapper.readTree(stuck.get("/api/v1/rules").body())
                            .get("timeLimit")
                            .get("stuck")
                            .asInt());
            String metrics = stuck.get("/metrics").body();
            assertTrue(
                    metrics.lines().anyMatch(l -> l.matches("addon_rules_stuck(\\{.*})? 1\\.0")),
                    metrics.lines().filter(l -> l.contains("rules_")).toList().toString());

            Spinner.release();
            int answered = held.get().statusCode();
            // Past the limit, its way back through the rule's own code may be stopped: either answer is right.
            assertTrue(answered == 200 || answered == 500, "the thread came back and answered: " + answered);
            long recovery = System.nanoTime() + 10_000_000_000L;
            while (stuck.get("/health").statusCode() != 200 && System.nanoTime() < recovery) {
                Thread.sleep(50);
            }
            assertEquals(200, stuck.get("/health").statusCode(), "healthy again once the thread is back");
            assertEquals(
                    0,
                    mapper.readTree(stuck.get("/api/v1/rules").body())
                            .get("timeLimit")
                            .get("stuck")
                            .asInt());
        } finally {
            Spinner.release();
            stuck.stop();
        }
    }

    @Test
    void aRuleThatSpinsFailsTheGateAtItsScenarioAndNeverGoesLive(@TempDir Path temp) throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("rules"));
        TestServer gated = TestServer.start(
                AppConfig.defaults(candidate.folder())
                        .withTimeLimit(TIME_LIMIT_MS)
                        .withAdminToken("a-token-of-sixteen-chars"),
                true);
        try {
            String live = gated.app().registry().active().version();
            candidate.write("mistakes.drl", MISTAKES).write("scenarios/spin.yaml", """
                    scenarios:
                      - name: four users
                        given:
                          evaluationDate: "2026-11-28"
                          channel: PANEL
                          account: { plan: FE, expiresOn: "2027-11-28" }
                          cart: { users: 4 }
                        expect:
                          checkoutAllowed: true
                    """);

            HttpResponse<String> reload =
                    gated.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer a-token-of-sixteen-chars");

            assertEquals(422, reload.statusCode(), reload.body());
            JsonNode failing =
                    mapper.readTree(reload.body()).get("error").get("problems").get("failingScenarios");
            assertEquals("four users", failing.get(0).get("scenario").asText(), reload.body());
            assertTrue(failing.get(0).toString().contains("RULES_FAILED"), failing.toString());
            assertEquals(live, gated.app().registry().active().version());
        } finally {
            gated.stop();
        }
    }
}
