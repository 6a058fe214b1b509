package com.addonconfigurator.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RequestInFlight;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real process: on SIGTERM it stops accepting, finishes the request in flight, then exits. */
class SigtermProcessTest {
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void sigtermLetsTheRequestInFlightFinishThenExits() throws Exception {
        ServiceProcess service = ServiceProcess.start(java.util.Map.of(), false);
        Process process = service.process;
        int port = service.port;
        try {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + 60_000_000_000L;
            int ready = 0;
            while (ready != 200 && System.nanoTime() < deadline) {
                try {
                    ready = client.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, ready, "the process got ready");

            try (RequestInFlight request = RequestInFlight.start(port, 10, 15_000)) {
                Thread.sleep(200);

                process.destroy(); // SIGTERM
                Thread.sleep(500);
                assertTrue(process.isAlive(), "the process waits for the request in flight");
                String answer = request.finish();
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process exits");
            assertEquals(143, process.exitValue(), "exit status of a SIGTERM'd JVM");
        } finally {
            process.destroyForcibly();
        }
    }
}
