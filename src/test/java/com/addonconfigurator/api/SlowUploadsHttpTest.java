package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Clients that announce a body and send it a byte at a time: they never hold every thread, and each is cut off. */
class SlowUploadsHttpTest {
    private static final int BODY_TIMEOUT_MS = 1_500;

    /** An evaluate request written in one go, headers and body together, as a browser's small POST arrives. */
    private static String wholeRequest() {
        String body = RequestBodies.example().json().toString();
        return "POST /api/v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void manySmallBodiesAtOnceAreAllAnsweredWhenOnlyOneBodyMayBeOnItsWay() throws Exception {
        AppConfig config = AppConfig.defaults(TestRules.FOLDER)
                .with(b -> b.httpThreads = 8)
                .withBodyLimits(BODY_TIMEOUT_MS, 1);
        TestServer server = TestServer.start(config, true);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return RawHttp.exchange(server.app().port(), wholeRequest())
                                        .status();
                            } catch (Exception e) {
                                return -1;
                            }
                        },
                        clients));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertEquals(List.of(200), statuses.stream().distinct().toList(), "a body that came whole takes no permit");
        } finally {
            clients.shutdownNow();
            server.stop();
        }
    }

    @Test
    void sixSlowUploadsLeaveHealthAnsweringAndEachIsCutOffWithAJsonAnswer() throws Exception {
        AppConfig config = AppConfig.defaults(TestRules.FOLDER)
                .with(b -> b.httpThreads = 8)
                .withBodyLimits(BODY_TIMEOUT_MS, 4);
        TestServer server = TestServer.start(config, true);
        ExecutorService trickles = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<RawHttp.Answer>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploads.add(
                        CompletableFuture.supplyAsync(() -> trickle(server.app().port()), trickles));
            }
            Thread.sleep(300);

            long slowest = 0;
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                HttpResponse<String> health = server.get("/health");
                slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                assertEquals(200, health.statusCode());
                Thread.sleep(50);
            }

            assertTrue(slowest < 1_000, "/health took " + slowest + " ms with six slow uploads");
            int timedOut = 0;
            for (CompletableFuture<RawHttp.Answer> upload : uploads) {
                RawHttp.Answer answer = upload.get();
                assertTrue(answer.status() == 408 || answer.status() == 503, answer.status() + " " + answer.body());
                assertTrue(
                        answer.headers().get("content-type").startsWith("application/json"),
                        answer.headers().toString());
                assertEquals("close", answer.headers().get("connection"));
                timedOut += answer.status() == 408 ? 1 : 0;
            }
            assertEquals(4, timedOut, "as many uploads are read at once as MAX_CONCURRENT_BODIES allows");
        } finally {
            trickles.shutdownNow();
            server.stop();
        }
    }

    /** Announces a 60,000-byte body and sends a byte every 200 ms, until the server answers or 20 s pass. */
    private static RawHttp.Answer trickle(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evaluate HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 60000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            long until = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < until) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (java.io.IOException closed) {
                    // the server closed its side: read what it said
                }
                try {
                    int b;
                    while ((b = socket.getInputStream().read()) >= 0) {
                        got.write(b);
                    }
                    break;
                } catch (java.net.SocketTimeoutException nothingYet) {
                    // keep trickling
                } catch (java.io.IOException reset) {
                    break;
                }
            }
            return RawHttp.parse(got.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
