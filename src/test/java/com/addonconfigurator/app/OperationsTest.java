package com.addonconfigurator.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TroubleRules;
import com.addonconfigurator.api.RequestBodies;
import com.addonconfigurator.api.TestServer;
import com.addonconfigurator.rules.RulesFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Configuration by environment, request ids in logs, JSON logs, replicas converging on one version. */
class OperationsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void anInvalidSettingStopsStartUpNamingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfigReader.fromEnv(Map.of(
                        "PORT",
                        "http",
                        "RULES_FIRING_LIMIT",
                        "0",
                        "LOG_FORMAT",
                        "xml",
                        "RULES_WATCH",
                        "maybe",
                        "ALLOWED_ORIGINS",
                        "not an origin",
                        "ADMIN_TOKEN",
                        "short",
                        "HTTP_THREADS",
                        "2")));
        for (String name : List.of(
                "PORT",
                "RULES_FIRING_LIMIT",
                "LOG_FORMAT",
                "RULES_WATCH",
                "ALLOWED_ORIGINS",
                "ADMIN_TOKEN",
                "HTTP_THREADS")) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        AppConfig defaults = AppConfigReader.fromEnv(Map.of());
        assertEquals(8080, defaults.port());
        assertEquals(Path.of("./rules"), defaults.rulesDir());
        assertEquals(Path.of("./rules", "scenarios"), defaults.scenariosDir());
        assertEquals(List.of(), defaults.allowedOrigins());
        assertEquals(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), defaults.httpThreads());
        assertEquals(12, AppConfigReader.fromEnv(Map.of("HTTP_THREADS", "12")).httpThreads());
        assertEquals(
                List.of("https://shop.example.com", "http://localhost:3000"),
                AppConfigReader.fromEnv(Map.of("ALLOWED_ORIGINS", "https://shop.example.com, http://localhost:3000"))
                        .allowedOrigins());
    }

    @Test
    void theQuoteAndShadowSettingsAreReadAndAnInvalidOneIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfigReader.fromEnv(Map.of(
                        "DATABASE_URL", "mysql://db/quotes",
                        "QUOTE_TTL", "30 minutes",
                        "QUOTE_RETENTION", "-P1D",
                        "SHADOW_SAMPLE", "1.5",
                        "SHADOW_QUEUE", "0")));
        for (String name : List.of("DATABASE_URL", "QUOTE_TTL", "QUOTE_RETENTION", "SHADOW_SAMPLE", "SHADOW_QUEUE")) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        AppConfig defaults = AppConfigReader.fromEnv(Map.of());
        assertTrue(defaults.quotes().database().isEmbedded());
        assertEquals(Path.of("./data"), defaults.quotes().database().dataDir());
        assertEquals(java.time.Duration.ofDays(400), defaults.quotes().retention());
        assertEquals(null, defaults.quotes().ttl());
        assertFalse(defaults.shadow().on());
        AppConfig set = AppConfigReader.fromEnv(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db:5432/quotes",
                "QUOTE_TTL", "PT30M",
                "RULES_CANDIDATE_DIR", "../rules-next",
                "SHADOW_SAMPLE", "0.25"));
        assertFalse(set.quotes().database().isEmbedded());
        assertEquals(java.time.Duration.ofMinutes(30), set.quotes().ttl());
        assertEquals(Path.of("../rules-next"), set.shadow().candidateDir());
        assertEquals(0.25, set.shadow().sample());
    }

    @Test
    void compiledRulesAreKeptInTheTemporaryFolderUnlessRulesCacheDirSaysWhereOrOff() {
        assertEquals(
                Path.of(System.getProperty("java.io.tmpdir"), "addon-configurator-rules-cache"),
                AppConfigReader.fromEnv(Map.of()).rulesCacheDir());
        assertEquals(
                Path.of("/var/cache/rules"),
                AppConfigReader.fromEnv(Map.of("RULES_CACHE_DIR", "/var/cache/rules"))
                        .rulesCacheDir());
        assertEquals(
                null, AppConfigReader.fromEnv(Map.of("RULES_CACHE_DIR", "off")).rulesCacheDir());
        assertEquals(
                null, AppConfig.defaults(Path.of("rules")).rulesCacheDir(), "tests and embedders compile every time");
    }

    @Test
    void theServeCommandRefusesAnInvalidConfigurationWithExitTwo() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = new com.addonconfigurator.cli.Cli(
                        System.out,
                        new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of("PORT", "99999"),
                        System.in)
                .run(new String[] {"serve"});
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("PORT must be between 0 and 65535"), err.toString());
    }

    @Test
    void everyLogLineOfARequestCarriesItsIdWhichTheResponseReturns() throws Exception {
        RulesCopy rules = RulesCopy.into(temp).write("trouble.drl", TroubleRules.DRL);
        Logger logger = (Logger) LoggerFactory.getLogger("com.addonconfigurator.api");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        TestServer server = TestServer.start(rules.folder());
        try {
            HttpResponse<String> response = server.post(
                    "/api/v1/evaluate",
                    RequestBodies.example().set("cart.users", 6).json(),
                    "X-Request-Id",
                    "req-42.abc");
            assertEquals(500, response.statusCode());
            assertEquals(
                    "req-42.abc", response.headers().firstValue("X-Request-Id").orElse(null));
            ILoggingEvent event = captured.list.stream()
                    .filter(e -> e.getFormattedMessage().contains("rules failed"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("req-42.abc", event.getMDCPropertyMap().get("requestId"));

            HttpResponse<String> fresh = server.get("/health");
            String id = fresh.headers().firstValue("X-Request-Id").orElse("");
            assertTrue(id.matches("[0-9a-f]{16}"), id);
        } finally {
            logger.detachAppender(captured);
            server.stop();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void withLogFormatJsonEveryLineIsAJsonObjectAndReloadsAreLogged() throws Exception {
        List<String> lines = linesUntilActive(ServiceProcess.start(Map.of("LOG_FORMAT", "json"), true));
        List<JsonNode> logged = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("addon-configurator serving")) {
                continue;
            }
            logged.add(MAPPER.readTree(line));
        }
        assertTrue(
                logged.stream()
                        .anyMatch(j -> j.path("formattedMessage")
                                .asText()
                                .matches("ruleset [0-9a-f]{12} active \\(was none\\).*")),
                lines.toString());
        assertTrue(logged.stream().allMatch(j -> j.has("level") && j.has("loggerName")), lines.toString());
    }

    /** The process's log lines up to its first "ruleset … active" line (at most a minute). */
    private static List<String> linesUntilActive(ServiceProcess service) throws Exception {
        Process process = service.process;
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                lines.add(line);
                if (line.contains("active (was none)")) {
                    break;
                }
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        return lines;
    }

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void aRestartedProcessReadsItsCompiledRulesAndItsPassedScenariosFromTheCacheAndLogsItInText() throws Exception {
        Map<String, String> env =
                Map.of("RULES_CACHE_DIR", temp.resolve("compiled").toString());

        List<String> firstLines = linesUntilActive(ServiceProcess.start(env, true));
        List<String> secondLines = linesUntilActive(ServiceProcess.start(env, true));
        String first = firstLines.stream()
                .filter(l -> l.contains("active (was none)"))
                .findFirst()
                .orElse("");
        String second = secondLines.stream()
                .filter(l -> l.contains("active (was none)"))
                .findFirst()
                .orElse("");

        String textLine = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[ruleset-loader\\] "
                + "c\\.a\\.rules\\.RulesetRegistry \\[request -\\] ruleset [0-9a-f]{12} active \\(was none\\); built in \\d+ ms";
        assertTrue(first.matches(textLine + ", scenarios passed in \\d+ ms"), first);
        assertTrue(
                second.matches(textLine + " \\(compiled rules from the cache\\), scenarios passed in \\d+ ms"), second);
        String notRunAgain = "its scenarios passed before with these files and this build; not run again";
        assertTrue(firstLines.stream().noneMatch(l -> l.contains(notRunAgain)), String.join("\n", firstLines));
        assertTrue(secondLines.stream().anyMatch(l -> l.contains(notRunAgain)), String.join("\n", secondLines));
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aLogbackFileNamedOnTheCommandLineReplacesTheBuiltInLogConfiguration() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.writeString(temp.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>CUSTOM %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);

        List<String> lines = linesUntilActive(
                ServiceProcess.start(Map.of("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + config), true));

        assertTrue(
                lines.stream().anyMatch(l -> l.matches("CUSTOM INFO ruleset [0-9a-f]{12} active \\(was none\\).*")),
                lines.toString());
    }

    @Test
    void twoReplicasOverOneRulesFolderConvergeOnTheNewVersionWithinFiveSeconds() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("shared"));
        TestServer a = TestServer.start(AppConfig.defaults(rules.folder()).withWatch(true), true);
        TestServer b = TestServer.start(AppConfig.defaults(rules.folder()).withWatch(true), true);
        try {
            rules.replace("messages.yaml", "Il modulo {item} è già attivo sul tuo account.", "{item}: già attivo.");
            String expected = RulesFolder.fingerprint(rules.folder());
            long start = System.nanoTime();
            while (!(version(a).equals(expected) && version(b).equals(expected))) {
                assertTrue(
                        System.nanoTime() - start < 5_000_000_000L, "not converged: " + version(a) + " " + version(b));
                Thread.sleep(50);
            }
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static String version(TestServer server) throws Exception {
        return MAPPER.readTree(server.get("/ready").body())
                .path("rulesetVersion")
                .asText();
    }
}
