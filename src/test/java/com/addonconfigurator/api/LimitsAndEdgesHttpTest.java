package com.addonconfigurator.api;

import static com.addonconfigurator.api.HttpContractTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.addonconfigurator.RequestInFlight;
import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** Limits (concurrency, slow clients, sizes), null in each field, admin logging, graceful stop. */
class LimitsAndEdgesHttpTest {
    @TempDir
    Path temp;

    private static final String SLOW = """
            package addonconfigurator;
            import com.addonconfigurator.rules.facts.*;
            rule "R99 Slow for nine users"
            ruleflow-group "reasons"
            when
                Item( kind == "USERS", quantity == 9 )
            then
                com.addonconfigurator.api.SlowRule.hold(600);
            end
            """;

    @Test
    void beyondTheConcurrencyLimitEvaluationsAreOverloadedWithRetryAfter() throws Exception {
        RulesCopy rules = RulesCopy.into(temp).write("slow.drl", SLOW);
        TestServer server = TestServer.start(
                AppConfig.defaults(rules.folder())
                        .withLimits(1, 10_000)
                        .withRulesAllowedClasses(List.of(SlowRule.class.getName())),
                true);
        try {
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.post(
                            "/api/v1/evaluate",
                            RequestBodies.example()
                                    .set("cart.users", 5)
                                    .set("account.users", 0)
                                    .set("cart.users", 9)
                                    .json());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(250);
            HttpResponse<String> refused =
                    server.post("/api/v1/evaluate", RequestBodies.example().json());

            error(refused, 503, "OVERLOADED");
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertEquals(200, slow.get().statusCode(), slow.get().body());
            assertEquals(
                    200,
                    server.post("/api/v1/evaluate", RequestBodies.example().json())
                            .statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void aClientThatStopsSendingIsCutOffAfterTheIdleTimeout() throws Exception {
        TestServer server =
                TestServer.start(AppConfig.defaults(TestRules.FOLDER).withLimits(64, 500), true);
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 200\r\n\r\n{\"channel\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMs >= 400 && elapsedMs < 5_000, "cut off after " + elapsedMs + " ms");
            assertFalse(answer.contains(" 500 "), answer);
            assertFalse(answer.contains("Exception"), answer);
        } finally {
            server.stop();
        }
    }

    static Stream<Arguments> nullFields() {
        return Stream.of(
                Arguments.of("evaluationDate", 200, null),
                Arguments.of("platform", 200, null),
                Arguments.of("account", 200, null),
                Arguments.of("account.activeModules", 200, null),
                Arguments.of("account.users", 200, null),
                Arguments.of("account.contactsMatched", 200, null),
                Arguments.of("cart.plan", 200, null),
                Arguments.of("cart.modules", 200, null),
                Arguments.of("cart.users", 200, null),
                Arguments.of("cart.extendActiveServices", 200, null),
                Arguments.of("cart.invoiceThroughArubaPanel", 200, null),
                Arguments.of("channel", 400, "channel"),
                Arguments.of("cart", 400, "cart"),
                Arguments.of("account.plan", 400, "account.plan"),
                Arguments.of("account.expiresOn", 400, "account.expiresOn"),
                Arguments.of("cart.modules[0]", 400, "cart.modules[0]"),
                Arguments.of("account.activeModules[0]", 400, "account.activeModules[0]"));
    }

    @ParameterizedTest(name = "null in {0} gives {1}")
    @MethodSource("nullFields")
    void nullInEachField(String path, int status, String field) throws Exception {
        TestServer server = shared();
        HttpResponse<String> response = server.post(
                "/api/v1/evaluate", RequestBodies.example().set(path, null).json());
        if (status == 200) {
            assertEquals(200, response.statusCode(), response.body());
            OpenApiSchemas.assertValid("EvaluateResponse", response.body());
        } else {
            assertEquals(
                    field,
                    error(response, status, "INVALID_REQUEST").get("field").asText());
        }
    }

    @Test
    void nullPlatformOnTheAppIsAMissingPlatform() throws Exception {
        HttpResponse<String> response = shared().post(
                        "/api/v1/evaluate",
                        RequestBodies.example()
                                .set("channel", "MOBILE_APP")
                                .set("platform", null)
                                .json());
        assertEquals(
                "platform", error(response, 400, "INVALID_REQUEST").get("field").asText());
    }

    @Test
    void tenThousandElementArraysAreRefusedWithoutDrowningTheClient() throws Exception {
        HttpResponse<String> tooLarge = shared().post(
                        "/api/v1/evaluate",
                        RequestBodies.example()
                                .set("cart.modules", Collections.nCopies(10_000, "DOCUMENTI"))
                                .json());
        error(tooLarge, 413, "REQUEST_TOO_LARGE");
        HttpResponse<String> numbers = shared().post(
                        "/api/v1/evaluate",
                        RequestBodies.example()
                                .set("cart.modules", Collections.nCopies(10_000, 1))
                                .json());
        JsonNode e = error(numbers, 400, "INVALID_REQUEST");
        assertEquals("cart.modules[0]", e.get("field").asText());
        assertEquals(50, e.get("details").size());
    }

    @Test
    void aFailedAdminAttemptIsLoggedWithoutTheToken() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("com.addonconfigurator.api");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        TestServer server =
                TestServer.start(AppConfig.defaults(TestRules.FOLDER).withAdminToken("the-right-token-123456"), true);
        try {
            error(
                    server.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer guessed-token-SECRET-987"),
                    401,
                    "UNAUTHORIZED");

            List<String> lines = captured.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("refused /api/v1/rules/reload")), lines.toString());
            assertTrue(
                    lines.stream().noneMatch(l -> l.contains("SECRET") || l.contains("the-right-token")),
                    lines.toString());
        } finally {
            logger.detachAppender(captured);
            server.stop();
        }
    }

    @Test
    void onStopARequestInFlightFinishesAndNewConnectionsAreRefused() throws Exception {
        TestServer server = TestServer.start(AppConfig.defaults(TestRules.FOLDER), true);
        int port = server.app().port();
        try (RequestInFlight request = RequestInFlight.start(port, 20, 10_000)) {
            Thread.sleep(200);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            Thread.sleep(300);
            assertFalse(stopping.isDone(), "the stop waits for the request in flight");
            boolean refused = false;
            try (Socket late = new Socket("127.0.0.1", port)) {
                late.setSoTimeout(2_000);
                late.getOutputStream()
                        .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                refused = late.getInputStream().read() < 0;
            } catch (java.net.SocketException e) {
                refused = true;
            }
            String answer = request.finish();

            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(refused, "a new connection is refused while stopping");
            stopping.get();
        }
    }

    private static TestServer sharedServer;

    private static synchronized TestServer shared() {
        if (sharedServer == null) {
            sharedServer = TestServer.start(TestRules.FOLDER);
        }
        return sharedServer;
    }

    @org.junit.jupiter.api.AfterAll
    static void stopShared() {
        if (sharedServer != null) {
            sharedServer.stop();
        }
    }
}
