package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.rules.RulesFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped in the rules folder, rules that blow up a reload, and made-up requests: the service keeps serving. */
class RulesFolderMishapsHttpTest {
    private static final String TOKEN = "a-token-of-sixteen-chars";
    private static final String RECURSES = """
            package addonconfigurator;
            import com.addonconfigurator.rules.facts.*;
            function int deeper(int n) {
                return deeper(n + 1) + 1;
            }
            rule "R99 Recurses without end for thirteen users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", quantity == 13 )
            then
                deeper(0);
            end
            """;
    private static final String THIRTEEN_USERS = """
            scenarios:
              - name: thirteen users
                given:
                  evaluationDate: "2026-11-28"
                  channel: PANEL
                  account: { plan: FE, expiresOn: "2027-11-28" }
                  cart: { users: 13 }
                expect:
                  checkoutAllowed: false
            """;

    @TempDir
    Path temp;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aFileOverTheSizeLimitIsRefusedAtThatFileWithTheLimitNamed() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        TestServer server = TestServer.start(
                AppConfig.defaults(rules.folder()).withAdminToken(TOKEN).withRulesLimits(64 * 1024, 1024 * 1024), true);
        try {
            String live = server.app().registry().active().version();
            String catalog = Files.readString(rules.file("catalog.yaml"));
            rules.write("catalog.yaml", catalog + "# " + "x".repeat(200_000) + "\n");

            long started = System.nanoTime();
            HttpResponse<String> reload =
                    server.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer " + TOKEN);
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertEquals(422, reload.statusCode(), reload.body());
            JsonNode problem = mapper.readTree(reload.body())
                    .get("error")
                    .get("problems")
                    .get("problems")
                    .get(0);
            assertEquals("catalog.yaml", problem.get("file").asText());
            assertTrue(problem.get("message").asText().contains("RULES_MAX_FILE_BYTES"), problem.toString());
            assertTrue(tookMs < 5_000, "refused after " + tookMs + " ms");
            assertEquals(live, server.app().registry().active().version());
            assertEquals(
                    200,
                    server.post("/api/v1/evaluate", RequestBodies.example().json())
                            .statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void aFileThatIsNoPartOfARulesetIsNeverReadNorChangesTheVersion() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        String before = RulesFolder.fingerprint(rules.folder());
        try (OutputStream out = Files.newOutputStream(rules.file("dump.bin"))) {
            byte[] megabyte = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                out.write(megabyte);
            }
        }

        assertEquals(before, RulesFolder.fingerprint(rules.folder()));
    }

    @Test
    void theWatcherKeepsWatchingAfterAReloadThatBlewUpAndTheAdminReloadAnswersJson() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        TestServer server = TestServer.start(
                AppConfig.defaults(rules.folder())
                        .withAdminToken(TOKEN)
                        .withWatch(true)
                        .withTimeLimit(1_000),
                true);
        try {
            String first = server.app().registry().active().version();
            rules.write("recurses.drl", RECURSES).write("scenarios/thirteen.yaml", THIRTEEN_USERS);
            JsonNode failed = awaitReload(server, "FAILED");
            assertTrue(failed.toString().contains("thirteen users"), failed.toString());

            HttpResponse<String> admin =
                    server.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer " + TOKEN);
            assertTrue(admin.statusCode() == 422 || admin.statusCode() == 409, admin.statusCode() + " " + admin.body());
            assertTrue(admin.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(mapper.readTree(admin.body()).get("error").has("code"), admin.body());

            rules.delete("recurses.drl")
                    .delete("scenarios/thirteen.yaml")
                    .write("catalog.yaml", Files.readString(rules.file("catalog.yaml")) + "# edited\n");
            awaitReload(server, "LOADED");
            assertNotEquals(first, server.app().registry().active().version());
        } finally {
            server.stop();
        }
    }

    @Test
    void madeUpMethodsLeaveTheMetricsSeriesAsTheyWere() throws Exception {
        TestServer server = TestServer.start(TestRules.FOLDER);
        try {
            server.get("/health");
            server.get("/metrics");
            long before = series(server.get("/metrics").body());
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < 3_000; i++) {
                requests.append("M").append(letters(i)).append(" /health HTTP/1.1\r\nHost: a\r\n\r\n");
            }
            requests.append("GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            String answers;
            try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                answers = new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            }

            assertTrue(answers.startsWith("HTTP/1.1 405"), answers.substring(0, Math.min(200, answers.length())));
            assertEquals(before, series(server.get("/metrics").body()));
        } finally {
            server.stop();
        }
    }

    private static long series(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("addon_http_requests")).count();
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append((char) ('A' + n % 26));
            n /= 26;
        }
        return s.toString();
    }

    private JsonNode awaitReload(TestServer server, String status) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode last = mapper.readTree(server.get("/api/v1/rules").body()).get("lastReload");
            if (last != null
                    && status.equals(last.path("status").asText())
                    && (status.equals("FAILED")
                            || last.path("version")
                                    .asText()
                                    .equals(server.app().registry().active().version()))) {
                if (status.equals("FAILED") || !last.path("version").asText().isEmpty()) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "no " + status + " reload: " + server.get("/api/v1/rules").body());
    }
}
