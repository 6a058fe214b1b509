package com.addonconfigurator.api;

import static com.addonconfigurator.api.HttpContractTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped scheduled changes over HTTP: the catalog on a date, the calendar, evaluations either side. */
class ScheduledChangesHttpTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestRules.FOLDER);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static JsonNode ok(HttpResponse<String> response, String schema) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        OpenApiSchemas.assertValid(schema, response.body());
        return MAPPER.readTree(response.body());
    }

    private static String ordersPrice(JsonNode catalog) {
        for (JsonNode module : catalog.get("modules")) {
            if (module.get("code").asText().equals("ORDINI_ELETTRONICI")) {
                return module.get("price").asText();
            }
        }
        throw new AssertionError("no ORDINI_ELETTRONICI in " + catalog);
    }

    @Test
    void theCatalogOnADateGivesThatDaysPricesAndTheNextChange() throws Exception {
        JsonNode before = ok(server.get("/api/v1/catalog?on=2027-01-31"), "Catalog");
        JsonNode after = ok(server.get("/api/v1/catalog?on=2027-02-01"), "Catalog");
        assertEquals("25.00", ordersPrice(before));
        assertEquals("28.00", ordersPrice(after));
        assertEquals("2027-01-31", before.get("on").asText());
        JsonNode next = before.get("nextChange");
        assertEquals("2027-02-01", next.get("date").asText());
        JsonNode change = next.get("changes").get(0);
        assertEquals(
                List.of("price", "ORDINI_ELETTRONICI", "25.00", "28.00"),
                List.of(
                        change.get("what").asText(),
                        change.get("code").asText(),
                        change.get("before").asText(),
                        change.get("after").asText()));
        assertEquals("2027-07-01", after.get("nextChange").get("date").asText());
    }

    @Test
    void theCalendarListsEveryChangeFromADate() throws Exception {
        JsonNode calendar = ok(server.get("/api/v1/calendar?from=2026-12-01"), "Calendar");
        JsonNode days = calendar.get("days");
        assertEquals(2, days.size(), calendar.toString());
        assertEquals("2027-02-01", days.get(0).get("date").asText());
        JsonNode promotion = days.get(1).get("changes").get(0);
        assertEquals("2027-07-01", days.get(1).get("date").asText());
        assertEquals("promotion", promotion.get("what").asText());
        assertEquals("DOCUMENTI_FREE_WITH_NEW_FE", promotion.get("code").asText());
        assertEquals("not in force", promotion.get("after").asText());
        assertEquals(
                1,
                ok(server.get("/api/v1/calendar?from=2027-02-02"), "Calendar")
                        .get("days")
                        .size());
    }

    @Test
    void aDateThatIsNoDateIs400NamingTheParameter() throws Exception {
        assertEquals(
                "on",
                error(server.get("/api/v1/catalog?on=tomorrow"), 400, "INVALID_REQUEST")
                        .get("field")
                        .asText());
        assertEquals(
                "from",
                error(server.get("/api/v1/calendar?from=2027-02-30"), 400, "INVALID_REQUEST")
                        .get("field")
                        .asText());
    }

    @Test
    void anEvaluationEitherSideOfTheBoundaryGetsThatDaysPrice() throws Exception {
        for (var day : List.of(List.of("2027-01-31", "25.00"), List.of("2027-02-01", "28.00"))) {
            JsonNode body = RequestBodies.example()
                    .set("evaluationDate", day.get(0))
                    .set("cart.modules", List.of("ORDINI_ELETTRONICI"))
                    .set("cart.users", 0)
                    .set("cart.extendActiveServices", false)
                    .set("account.activeModules", List.of())
                    .json();
            JsonNode answer = ok(server.post("/api/v1/evaluate", body), "EvaluateResponse");
            assertEquals(day.get(1), answer.at("/pricing/lines/0/amount").asText(), answer.toString());
            assertTrue(answer.at("/pricing/lines/0/code").asText().equals("ORDINI_ELETTRONICI"));
        }
    }

    @Test
    void aPlanPriceChangingOnNewYearsDayPricesTheExtensionOverHttpByTheEvaluationDate(@TempDir Path temp)
            throws Exception {
        RulesCopy rules = RulesCopy.withPlanPriceChangingOnNewYearsDay(temp.resolve("rules"));
        TestServer own = TestServer.start(AppConfig.defaults(rules.folder()).with(b -> b.scenarioGate = false), true);
        try {
            List<String> amounts = new java.util.ArrayList<>();
            for (String day : List.of("2026-12-31", "2027-01-01")) {
                JsonNode body = RequestBodies.example()
                        .set("evaluationDate", day)
                        .set("account.expiresOn", "2027-06-30")
                        .set("cart.modules", List.of("INCASSI_PAGAMENTI"))
                        .json();
                JsonNode answer = ok(own.post("/api/v1/evaluate", body), "EvaluateResponse");
                for (JsonNode line : answer.at("/pricing/lines")) {
                    if (line.get("code").asText().equals("FE_EXTENSION")) {
                        assertEquals(7, line.get("months").asInt(), line.toString());
                        amounts.add(line.get("amount").asText());
                    }
                }
            }
            // 25.00 × 7/12 the day before, 37.00 × 7/12 on the day
            assertEquals(List.of("14.58", "21.58"), amounts);
        } finally {
            own.stop();
        }
    }
}
