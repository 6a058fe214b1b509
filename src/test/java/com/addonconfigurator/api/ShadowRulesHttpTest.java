package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TroubleRules;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate rules folder judged on live traffic: live answers never depend on it. */
class ShadowRulesHttpTest {
    private static final String TOKEN = "s3cret-admin-token-for-tests";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PRICE = "price: \"30.00\"     # *\n  - code: DOCUMENTI";

    @TempDir
    Path temp;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private TestServer start(RulesCopy candidate, boolean gate, boolean watch) {
        RulesCopy live = RulesCopy.into(temp.resolve("live"));
        AppConfig config = AppConfig.defaults(live.folder())
                .withAdminToken(TOKEN)
                .withWatch(watch)
                .with(b -> b.scenarioGate = gate)
                .withCandidate(candidate.folder(), 1.0);
        server = TestServer.start(config, true);
        return server;
    }

    /** The api.md cart: its Incassi e pagamenti line is what a price change in the candidate changes. */
    private void evaluateLive(int times, String expectedIncassi) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> response =
                    server.post("/api/v1/evaluate", RequestBodies.example().json());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = MAPPER.readTree(response.body());
            for (JsonNode line : answer.at("/pricing/lines")) {
                if (line.get("code").asText().equals("INCASSI_PAGAMENTI")) {
                    assertEquals(expectedIncassi, line.get("amount").asText(), "the live price never changes");
                }
            }
        }
    }

    private JsonNode report() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/rules/candidate", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("CandidateReport", response.body());
        return MAPPER.readTree(response.body());
    }

    private JsonNode awaitReport(Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode report = report();
        while (!until.test(report)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the report never got there: " + report);
            }
            Thread.sleep(50);
            report = report();
        }
        return report;
    }

    @Test
    void aCandidateThatChangesAPriceIsCountedAsDifferingWithTheFieldAndAnExample() throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("candidate"))
                .replace("catalog.yaml", PRICE, PRICE.replace("30.00", "35.00"));
        start(candidate, false, false);
        awaitReport(r -> r.get("state").asText().equals("SHADOWING"));
        evaluateLive(20, "30.00");
        JsonNode report = awaitReport(r -> r.at("/counts/differs").asLong() == 20);
        assertEquals(0, report.at("/counts/same").asLong());
        assertEquals(0, report.at("/counts/failed").asLong());
        List<String> top = new java.util.ArrayList<>();
        report.get("topFields")
                .forEach(f ->
                        top.add(f.get("field").asText() + "=" + f.get("carts").asLong()));
        assertTrue(top.contains("pricing.lines.INCASSI_PAGAMENTI.amount=20"), top.toString());
        JsonNode example = report.get("examples").get(0);
        assertEquals("CUSTOMER_AREA", example.at("/request/channel").asText());
        boolean priced = false;
        for (JsonNode d : example.get("differences")) {
            if (d.get("field").asText().equals("pricing.lines.INCASSI_PAGAMENTI.amount")) {
                assertEquals("30.00", d.get("live").asText());
                assertEquals("35.00", d.get("candidate").asText());
                priced = true;
            }
        }
        assertTrue(priced, example.toString());
        String metrics = server.get("/metrics").body();
        assertTrue(
                metrics.contains("addon_shadow_evaluations_total{candidate=\""
                        + report.get("candidateVersion").asText() + "\",result=\"differs\"} 20.0"),
                metrics);
    }

    @Test
    void aCandidateEqualToTheLiveRulesIsLiveAndOnlySame() throws Exception {
        start(RulesCopy.into(temp.resolve("candidate")), false, false);
        awaitReport(r -> r.get("state").asText().equals("LIVE"));
        evaluateLive(10, "30.00");
        JsonNode report = awaitReport(r -> r.at("/counts/same").asLong() == 10);
        assertEquals("LIVE", report.get("state").asText());
        assertEquals(0, report.at("/counts/differs").asLong());
        assertEquals(report.get("liveVersion"), report.get("candidateVersion"));
    }

    @Test
    void aCandidateRuleThatThrowsIsCountedAsFailedAndLiveAnswersAreUnaffected() throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("candidate")).write("trouble.drl", TroubleRules.DRL);
        start(candidate, false, false);
        awaitReport(r -> r.get("state").asText().equals("SHADOWING"));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = server.post(
                    "/api/v1/evaluate",
                    RequestBodies.example().set("cart.users", 6).json());
            assertEquals(200, response.statusCode(), response.body());
        }
        JsonNode report = awaitReport(r -> r.at("/counts/failed").asLong() == 5);
        assertTrue(
                report.get("examples").get(0).get("failure").asText().contains("R99 Throws for six users"),
                report.toString());
        assertEquals(200, server.get("/health").statusCode());
    }

    @Test
    void aCandidateThatFailsItsScenariosIsReportedAndNotShadowed() throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("candidate"))
                .replace("catalog.yaml", PRICE, PRICE.replace("30.00", "35.00"));
        start(candidate, true, false);
        JsonNode report = awaitReport(r -> r.get("state").asText().equals("REFUSED"));
        assertTrue(report.at("/problems/failingScenarios").size() > 0, report.toString());
        evaluateLive(5, "30.00");
        Thread.sleep(300);
        assertEquals("REFUSED", report().get("state").asText());
        assertTrue(report().get("counts").isEmpty(), report().toString());
    }

    @Test
    void changingTheCandidateFolderResetsTheReport() throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("candidate"))
                .replace("catalog.yaml", PRICE, PRICE.replace("30.00", "35.00"));
        start(candidate, false, true);
        awaitReport(r -> r.get("state").asText().equals("SHADOWING"));
        evaluateLive(5, "30.00");
        String first = awaitReport(r -> r.at("/counts/differs").asLong() == 5)
                .get("candidateVersion")
                .asText();

        candidate.replace("catalog.yaml", PRICE.replace("30.00", "35.00"), PRICE.replace("30.00", "40.00"));
        JsonNode fresh = awaitReport(r -> !r.get("candidateVersion").asText().equals(first));
        assertEquals(0, fresh.at("/counts/differs").asLong(), fresh.toString());
        assertEquals(0, fresh.get("examples").size());
        evaluateLive(3, "30.00");
        JsonNode after = awaitReport(r -> r.at("/counts/differs").asLong() == 3);
        assertTrue(after.get("examples").toString().contains("40.00"), after.toString());
    }

    @Test
    void thePlaygroundsComparisonGivesBothAnswersAndTheirDifferences() throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("candidate"))
                .replace("catalog.yaml", PRICE, PRICE.replace("30.00", "35.00"));
        start(candidate, false, false);
        awaitReport(r -> r.get("state").asText().equals("SHADOWING"));
        HttpResponse<String> response = server.post(
                "/api/v1/rules/candidate/compare", RequestBodies.example().json());
        assertEquals(200, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("CandidateComparison", response.body());
        JsonNode comparison = MAPPER.readTree(response.body());
        assertEquals("76.67", comparison.at("/live/pricing/net").asText());
        assertEquals("81.67", comparison.at("/candidate/pricing/net").asText());
        assertTrue(comparison.get("differences").toString().contains("pricing.net"), comparison.toString());
    }

    @Test
    void withoutACandidateTheReportSaysNoneAndTheComparisonIsNotThere() throws Exception {
        server = TestServer.start(
                AppConfig.defaults(RulesCopy.into(temp.resolve("live")).folder())
                        .withAdminToken(TOKEN),
                true);
        assertEquals("NONE", report().get("state").asText());
        HttpContractTest.error(
                server.post(
                        "/api/v1/rules/candidate/compare",
                        RequestBodies.example().json()),
                404,
                "NOT_FOUND");
    }
}
