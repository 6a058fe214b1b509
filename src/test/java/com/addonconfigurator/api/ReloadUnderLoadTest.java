package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.rules.RulesFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests keep flowing while the rules folder is replaced 20 times with good and broken versions:
 * no request fails, every answer names a version that was valid, and its decisions are that version's.
 */
class ReloadUnderLoadTest {
    private static final String TOKEN = "reload-under-load-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void noRequestFailsAndEveryAnswerIsAValidVersionsAnswer() throws Exception {
        RulesCopy live = RulesCopy.into(temp.resolve("live"));
        RulesCopy priceA = RulesCopy.into(temp.resolve("a"));
        RulesCopy priceB = RulesCopy.into(temp.resolve("b"))
                .replace(
                        "messages.yaml",
                        "Il modulo {item} è già attivo sul tuo account.",
                        "Versione B: {item} è già attivo.");
        RulesCopy broken = RulesCopy.into(temp.resolve("broken"))
                .replace("cart.drl", "    not Reason( item == $code )", "    not Reason( item == )");
        Map<String, String> messageOfVersion = Map.of(
                RulesFolder.fingerprint(priceA.folder()), "Il modulo Ordini elettronici è già attivo sul tuo account.",
                RulesFolder.fingerprint(priceB.folder()), "Versione B: Ordini elettronici è già attivo.");
        TestServer server = TestServer.start(AppConfig.defaults(live.folder()).withAdminToken(TOKEN), true);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> versionsSeen = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = server.post(
                                    "/api/v1/evaluate",
                                    RequestBodies.example()
                                            .set("cart.modules", List.of("ORDINI_ELETTRONICI"))
                                            .json());
                            if (r.statusCode() != 200) {
                                problems.add(r.statusCode() + " " + r.body());
                                continue;
                            }
                            JsonNode answer = MAPPER.readTree(r.body());
                            String version = answer.get("rulesetVersion").asText();
                            versionsSeen.add(version);
                            String expected = messageOfVersion.get(version);
                            String actual =
                                    answer.at("/items/0/reasons/0/message").asText();
                            if (expected == null) {
                                problems.add("an answer from a version that was never valid: " + version);
                            } else if (!expected.equals(actual)) {
                                problems.add("version " + version + " answered '" + actual + "'");
                            }
                        } catch (Exception e) {
                            problems.add(e.toString());
                        }
                    }
                });
                clients.add(client);
                client.start();
            }
            int loaded = 0;
            for (int i = 0; i < 20; i++) {
                RulesCopy next = i % 3 == 2 ? broken : (i % 2 == 0 ? priceB : priceA);
                RulesCopy.copyTree(next.folder(), live.folder());
                HttpResponse<String> reload =
                        server.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer " + TOKEN);
                assertEquals(next == broken ? 422 : 200, reload.statusCode(), reload.body());
                loaded += reload.statusCode() == 200 ? 1 : 0;
                Thread.sleep(60);
            }
            running.set(false);
            for (Thread c : clients) {
                c.join();
            }
            assertEquals(List.of(), List.copyOf(problems));
            assertTrue(versionsSeen.size() > 50, "requests flowed: " + versionsSeen.size());
            assertEquals(messageOfVersion.keySet(), Set.copyOf(versionsSeen), "both good versions answered");
            assertTrue(loaded >= 12, "good versions went live: " + loaded);
        } finally {
            running.set(false);
            server.stop();
        }
    }
}
