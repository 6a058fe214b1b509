package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.rules.RulesFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server watches the rules folder: an edit goes live within seconds, with no request failing. */
class WatchHttpTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OLD = "Il modulo {item} è già attivo sul tuo account.";
    private static final String NEW = "{item} è già attivo: non serve riacquistarlo.";

    @TempDir
    Path temp;

    private static String alreadyActiveMessage(TestServer server) throws Exception {
        HttpResponse<String> r = server.post(
                "/api/v1/evaluate",
                RequestBodies.example()
                        .set("cart.modules", List.of("ORDINI_ELETTRONICI"))
                        .json());
        return MAPPER.readTree(r.body()).at("/items/0/reasons/0/message").asText();
    }

    /** Waits for the new message; returns how long it took in ms (fails after 10 s). */
    private static long awaitNewMessage(TestServer server, long since) throws Exception {
        while (!alreadyActiveMessage(server).startsWith("Ordini elettronici è già attivo: non")) {
            assertTrue(System.nanoTime() - since < 10_000_000_000L, "the edit never went live");
            Thread.sleep(25);
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Test
    void aSavedEditIsLiveWithinTwoSecondsAndNoRequestFailsMeanwhile() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        TestServer server = TestServer.start(AppConfig.defaults(rules.folder()).withWatch(true), true);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> r = server.post(
                            "/api/v1/evaluate", RequestBodies.example().json());
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        try {
            load.start();
            Thread.sleep(300);
            long saved = System.nanoTime();
            rules.replace("messages.yaml", OLD, NEW);

            long elapsed = awaitNewMessage(server, saved);

            running.set(false);
            load.join();
            assertTrue(elapsed <= 2000, "live after " + elapsed + " ms");
            assertEquals(List.of(), List.copyOf(failures));
            assertTrue(ok.get() > 10, "requests flowed meanwhile: " + ok.get());
        } finally {
            running.set(false);
            server.stop();
        }
    }

    @Test
    void aSymlinkSwapOfTheWholeFolderIsSeen() throws Exception {
        RulesCopy v1 = RulesCopy.into(temp.resolve("v1"));
        RulesCopy v2 = RulesCopy.into(temp.resolve("v2")).replace("messages.yaml", OLD, NEW);
        Path current = temp.resolve("current");
        Files.createSymbolicLink(current, v1.folder());
        TestServer server = TestServer.start(AppConfig.defaults(current).withWatch(true), true);
        try {
            Path next = temp.resolve("current.next");
            Files.createSymbolicLink(next, v2.folder());
            long swapped = System.nanoTime();
            Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            long elapsed = awaitNewMessage(server, swapped);

            assertTrue(elapsed <= 2000, "live after " + elapsed + " ms");
            assertEquals(
                    RulesFolder.fingerprint(v2.folder()),
                    server.app().registry().active().version());
        } finally {
            server.stop();
        }
    }

    @Test
    void aBurstOfEditsEndsOnTheFinalContent() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        TestServer server = TestServer.start(AppConfig.defaults(rules.folder()).withWatch(true), true);
        try {
            rules.replace("messages.yaml", OLD, "{item} primo tentativo.");
            Thread.sleep(50);
            rules.replace("messages.yaml", "{item} primo tentativo.", NEW);
            rules.write("notes.txt", "an analyst's note");

            awaitNewMessage(server, System.nanoTime());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!RulesFolder.fingerprint(rules.folder())
                    .equals(server.app().registry().active().version())) {
                assertTrue(System.nanoTime() < deadline, "the final content never became active");
                Thread.sleep(25);
            }
            JsonNode info = MAPPER.readTree(server.get("/api/v1/rules").body());
            assertEquals("LOADED", info.at("/lastReload/status").asText());
        } finally {
            server.stop();
        }
    }
}
