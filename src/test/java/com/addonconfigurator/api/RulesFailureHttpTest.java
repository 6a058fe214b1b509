package com.addonconfigurator.api;

import static com.addonconfigurator.api.HttpContractTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TroubleRules;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 500 RULES_FAILED and 503 NOT_READY: the server keeps serving whatever the rules do. */
class RulesFailureHttpTest {
    @TempDir
    Path temp;

    @Test
    void aLoopingRuleGivesRulesFailedNamingItAndTheNextRequestSucceeds() throws Exception {
        RulesCopy copy = RulesCopy.into(temp).write("trouble.drl", TroubleRules.DRL);
        TestServer server = TestServer.start(AppConfig.defaults(copy.folder()).withFiringLimit(2_000), true);
        try {
            JsonNode error = error(
                    server.post(
                            "/api/v1/evaluate",
                            RequestBodies.example().set("cart.users", 7).json()),
                    500,
                    "RULES_FAILED");
            assertTrue(error.get("message").asText().contains("R99 Loops forever for seven users"), error.toString());

            assertEquals(
                    200,
                    server.post("/api/v1/evaluate", RequestBodies.example().json())
                            .statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void aRuleThatThrowsGivesRulesFailedAndTheServerKeepsServing() throws Exception {
        RulesCopy copy = RulesCopy.into(temp).write("trouble.drl", TroubleRules.DRL);
        TestServer server = TestServer.start(AppConfig.defaults(copy.folder()), true);
        try {
            JsonNode error = error(
                    server.post(
                            "/api/v1/evaluate",
                            RequestBodies.example().set("cart.users", 6).json()),
                    500,
                    "RULES_FAILED");
            assertTrue(error.get("message").asText().contains("R99 Throws for six users"), error.toString());

            assertEquals(
                    200,
                    server.post("/api/v1/evaluate", RequestBodies.example().json())
                            .statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void whenTheOnlyRulesWereRefusedReadinessSaysSoAndWhereToLookAndHealthIsUp() throws Exception {
        TestServer server = TestServer.start(AppConfig.defaults(temp.resolve("empty")), false);
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.app().registry().lastAttempt() == null && System.nanoTime() < deadline) {
                TestServer.sleep(20);
            }
            error(server.post("/api/v1/evaluate", RequestBodies.example().json()), 503, "NOT_READY");
            var italian = error(server.get("/ready"), 503, "RULES_REFUSED");
            var english = error(server.get("/ready", "Accept-Language", "en"), 503, "RULES_REFUSED");
            assertTrue(
                    italian.get("message").asText().contains("rifiutate")
                            && italian.get("message").asText().contains("/api/v1/rules"),
                    italian.toString());
            assertTrue(
                    english.get("message").asText().contains("refused")
                            && english.get("message").asText().contains("/api/v1/rules"),
                    english.toString());
            error(server.get("/api/v1/catalog"), 503, "RULES_REFUSED");
            assertEquals(200, server.get("/health").statusCode());
        } finally {
            server.stop();
        }
    }
}
