package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RequestInFlight;
import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract at its edges: what the HTTP server raises itself, and values at the end of their range. */
class ContractEdgesHttpTest {
    private static TestServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestRules.FOLDER);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> requestsTheServerRefusesItself() {
        String big = "x".repeat(20_000);
        return Stream.of(
                Arguments.of(
                        "headers too large",
                        "GET /health HTTP/1.1\r\nHost: a\r\nX-Big: " + big + "\r\n\r\n",
                        431,
                        "HEADERS_TOO_LARGE"),
                Arguments.of(
                        "a URI too long", "GET /health?" + big + " HTTP/1.1\r\nHost: a\r\n\r\n", 414, "URI_TOO_LONG"),
                Arguments.of(
                        "two Content-Lengths",
                        "POST /api/v1/evaluate HTTP/1.1\r\nHost: a\r\nContent-Type: "
                                + "application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        400,
                        "BAD_REQUEST"),
                Arguments.of(
                        "a Content-Length with chunked encoding",
                        "POST /api/v1/evaluate HTTP/1.1\r\nHost: a\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "2\r\n{}\r\n0\r\n\r\n",
                        400,
                        "BAD_REQUEST"),
                Arguments.of("no Host", "GET /health HTTP/1.1\r\n\r\n", 400, "BAD_REQUEST"));
    }

    @ParameterizedTest(name = "{0} gets {2} {3} in the JSON error shape")
    @MethodSource("requestsTheServerRefusesItself")
    void requestsTheServerRefusesItselfGetTheJsonErrorShape(String what, String request, int status, String code)
            throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(server.app().port(), request);

        assertEquals(status, answer.status(), answer.body());
        assertTrue(
                answer.headers().get("content-type").startsWith("application/json"),
                answer.headers().toString());
        JsonNode error = answer.json().get("error");
        assertEquals(code, error.get("code").asText());
        assertFalse(error.get("message").asText().isBlank());
    }

    @Test
    void aMadeUpMethodIsRefusedInTheJsonShapeBeforeTheApplication() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(
                server.app().port(), "MADEUPMETHOD /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertEquals(405, answer.status());
        assertEquals(
                "METHOD_NOT_ALLOWED", answer.json().get("error").get("code").asText());
    }

    @Test
    void aWrongMethodNamesTheAllowedOnesInAllow() throws Exception {
        HttpResponse<String> evaluate = server.get("/api/v1/evaluate");
        HttpResponse<String> health = server.send("DELETE", "/health");

        assertEquals(405, evaluate.statusCode());
        assertEquals("POST", evaluate.headers().firstValue("Allow").orElse(null));
        assertEquals(405, health.statusCode());
        assertEquals("GET", health.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void anEvaluationWhoseTermWouldEndAfterTheYear9999IsRefusedNamingItsDate() throws Exception {
        HttpResponse<String> late = server.post(
                "/api/v1/evaluate",
                RequestBodies.example().set("evaluationDate", "9999-06-01").json());
        HttpResponse<String> last = server.post(
                "/api/v1/evaluate",
                RequestBodies.example()
                        .set("evaluationDate", "9998-12-31")
                        .set("account.expiresOn", "9999-12-31")
                        .json());

        assertEquals(400, late.statusCode(), late.body());
        JsonNode error = new ObjectMapper().readTree(late.body()).get("error");
        assertEquals("INVALID_REQUEST", error.get("code").asText());
        assertEquals("evaluationDate", error.get("field").asText());
        assertEquals(200, last.statusCode(), last.body());
        assertTrue(last.body().contains("\"9999-12-31\""), last.body());
        assertFalse(last.body().contains("+10000"), last.body());
    }

    @Test
    void aLanguageWeightedZeroIsNotChosen() throws Exception {
        HttpResponse<String> notEnglish = server.get("/nowhere", "Accept-Language", "en;q=0");
        HttpResponse<String> english = server.get("/nowhere", "Accept-Language", "it;q=0, en;q=0.5");

        assertTrue(notEnglish.body().contains("Percorso sconosciuto"), notEnglish.body());
        assertTrue(english.body().contains("Unknown path"), english.body());
    }

    @Test
    void numbersJavaCannotHoldAreInvalidJsonNotAServerError() throws Exception {
        for (String number : new String[] {"1e2147483648", "1E-2147483648"}) {
            HttpResponse<String> answer = server.postRaw(
                    "/api/v1/evaluate",
                    "application/json",
                    ("{\"x\":" + number + "}").getBytes(StandardCharsets.UTF_8));

            assertEquals(400, answer.statusCode(), number + ": " + answer.body());
            assertEquals(
                    "INVALID_JSON",
                    new ObjectMapper()
                            .readTree(answer.body())
                            .get("error")
                            .get("code")
                            .asText());
        }
    }

    @Test
    void aJsonErrorIsWhollyInTheLanguageAskedWithTheParsersWordsInDetails() throws Exception {
        HttpResponse<String> italian = server.postRaw(
                "/api/v1/evaluate", "application/json", "{\"channel\": ".getBytes(StandardCharsets.UTF_8));

        JsonNode error = new ObjectMapper().readTree(italian.body()).get("error");
        assertEquals(
                "Il corpo della richiesta non è un JSON valido.",
                error.get("message").asText());
        assertEquals("$", error.get("field").asText());
        assertFalse(error.get("details").get(0).get("message").asText().isBlank(), italian.body());
    }

    @Test
    void theLargestIntegerOfUsersIsARequestErrorOnOptions() throws Exception {
        HttpResponse<String> answer = server.post(
                "/api/v1/options",
                RequestBodies.example().set("cart.users", Integer.MAX_VALUE).json());

        assertEquals(400, answer.statusCode(), answer.body());
        JsonNode error = new ObjectMapper().readTree(answer.body()).get("error");
        assertEquals("cart.users", error.get("field").asText());
    }

    @Test
    void theRulesStatusNamesNoPathOfTheServersDisk() throws Exception {
        Path missing = temp.resolve("no-such-folder");
        RulesCopy broken = RulesCopy.into(temp.resolve("rules")).delete("catalog.yaml");
        for (Path folder : new Path[] {missing, broken.folder()}) {
            TestServer other = TestServer.start(AppConfig.defaults(folder), false);
            try {
                JsonNode rules = awaitAttempt(other);
                String body = rules.toString();

                assertEquals("FAILED", rules.get("lastReload").get("status").asText(), body);
                assertFalse(body.contains(temp.toString()), body);
                assertFalse(body.contains(temp.toRealPath().toString()), body);
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void aRequestOnAKeptAliveConnectionDuringShutdownGetsJson503WithRetryAfter() throws Exception {
        TestServer stopping = TestServer.start(AppConfig.defaults(TestRules.FOLDER), true);
        int port = stopping.app().port();
        try (Socket kept = new Socket("127.0.0.1", port);
                RequestInFlight inFlight = RequestInFlight.start(port, 20, 10_000)) {
            kept.setSoTimeout(10_000);
            OutputStream out = kept.getOutputStream();
            InputStream in = kept.getInputStream();
            out.write("GET /health HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(200, RawHttp.parse(readOneAnswer(in)).status());

            CompletableFuture<Void> stop = CompletableFuture.runAsync(stopping::stop);
            Thread.sleep(300);
            out.write("GET /health HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Answer refused = RawHttp.parse(readOneAnswer(in));

            assertEquals(503, refused.status(), refused.body());
            assertEquals("1", refused.headers().get("retry-after"));
            assertEquals("UNAVAILABLE", refused.json().get("error").get("code").asText());
            inFlight.finish();
            stop.join();
        }
    }

    /** One answer off a kept-alive connection (read until its body is whole). */
    private static byte[] readOneAnswer(InputStream in) throws Exception {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return got.toByteArray();
            }
            got.write(b);
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
                int at = head.indexOf("content-length:");
                int length = at < 0
                        ? 0
                        : Integer.parseInt(
                                head.substring(at + 15).split("\r\n")[0].trim());
                if (got.size() >= end + 4 + length) {
                    return got.toByteArray();
                }
            }
        }
    }

    private static JsonNode awaitAttempt(TestServer server) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode rules =
                    new ObjectMapper().readTree(server.get("/api/v1/rules").body());
            if (!rules.get("lastReload").isNull()) {
                return rules;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no reload attempt");
    }
}
