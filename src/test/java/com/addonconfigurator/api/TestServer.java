package com.addonconfigurator.api;

import com.addonconfigurator.app.App;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The real service on a free loopback port, with a small HTTP client. */
public final class TestServer {
    private final App app;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private TestServer(App app) {
        this.app = app;
    }

    public static TestServer start(Path rules) {
        return start(AppConfig.defaults(rules), true);
    }

    public static TestServer start(AppConfig config, boolean waitUntilReady) {
        return start(config, waitUntilReady, Clock.systemUTC());
    }

    public static TestServer start(AppConfig config, boolean waitUntilReady, Clock clock) {
        TestServer server = new TestServer(new App(config, clock).start());
        if (waitUntilReady) {
            server.awaitReady();
        }
        return server;
    }

    public App app() {
        return app;
    }

    public void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (app.registry().active() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "no ruleset after 30 s: " + app.registry().lastAttempt());
            }
            sleep(20);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    public HttpResponse<String> post(String path, Object body, String... headers)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))),
                headers);
    }

    public HttpResponse<String> postRaw(String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, headers);
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers)
            throws IOException, InterruptedException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public void stop() {
        app.stop();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
