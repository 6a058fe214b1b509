package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS answers only the origins in ALLOWED_ORIGINS, and is off by default. */
class CorsHttpTest {
    @Test
    void anAllowedOriginIsAnsweredAndAnotherIsNot() throws Exception {
        TestServer server = TestServer.start(
                AppConfig.defaults(TestRules.FOLDER).withAllowedOrigins(List.of("https://shop.example.com")), true);
        try {
            HttpResponse<String> allowed = server.post(
                    "/api/v1/evaluate", RequestBodies.example().json(), "Origin", "https://shop.example.com");
            assertEquals(
                    "https://shop.example.com",
                    allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertTrue(allowed.headers()
                    .firstValue("Access-Control-Expose-Headers")
                    .orElse("")
                    .contains("X-Ruleset-Version"));

            HttpResponse<String> other = server.post(
                    "/api/v1/evaluate", RequestBodies.example().json(), "Origin", "https://evil.example.net");
            assertTrue(
                    other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                    other.headers().toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        TestServer server = TestServer.start(TestRules.FOLDER);
        try {
            HttpResponse<String> response = server.post(
                    "/api/v1/evaluate", RequestBodies.example().json(), "Origin", "https://shop.example.com");
            assertEquals(200, response.statusCode());
            assertTrue(
                    response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        } finally {
            server.stop();
        }
    }
}
