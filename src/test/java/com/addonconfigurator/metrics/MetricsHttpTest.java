package com.addonconfigurator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.api.RequestBodies;
import com.addonconfigurator.api.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /metrics: requests, evaluations, rejections, rule firings, reloads, the active version, the JVM. */
class MetricsHttpTest {
    @Test
    void theMetricsCountWhatHappened() throws Exception {
        TestServer server = TestServer.start(TestRules.FOLDER);
        try {
            server.post("/api/v1/evaluate", RequestBodies.example().json());
            server.post(
                    "/api/v1/evaluate",
                    RequestBodies.example().set("cart.users", -1).json());
            server.get("/nothing");

            HttpResponse<String> response = server.get("/metrics");

            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = response.body();
            String version = server.app().registry().active().version();
            for (String expected : List.of(
                    "addon_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/evaluate\",status=\"200\"} 1",
                    "addon_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/evaluate\",status=\"400\"} 1",
                    "addon_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1",
                    "addon_http_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/evaluate\",status=\"200\",le=\"0.005\"}",
                    "addon_evaluations_total{outcome=\"CHECKOUT_NOT_ALLOWED\"} 1.0",
                    "addon_evaluations_total{outcome=\"INVALID_REQUEST\"} 1.0",
                    "addon_rejections_total{reason=\"REQUIRES_DOCUMENTI\"} 1.0",
                    "addon_rule_firings_total{rule=\"R8 WooCommerce needs Documenti\"} 1.0",
                    "addon_reloads_total{result=\"LOADED\"} 1.0",
                    "addon_ruleset_active{version=\"" + version + "\"} 1.0",
                    "jvm_memory_used_bytes")) {
                assertTrue(
                        text.contains(expected),
                        "missing " + expected + " in\n"
                                + text.lines()
                                        .filter(l -> l.startsWith("addon_"))
                                        .limit(60)
                                        .toList());
            }
        } finally {
            server.stop();
        }
    }
}
