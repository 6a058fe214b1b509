package com.addonconfigurator.cli;

import com.addonconfigurator.app.App;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.app.AppConfigReader;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.scenarios.Scenario;
import com.addonconfigurator.scenarios.ScenarioFileException;
import com.addonconfigurator.scenarios.ScenarioReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code smoke [RULES_DIR]}: serves the rules on a free port as {@code serve} would, sends every
 * scenario's request to its endpoint over HTTP, and stops. Exit 0 when the rules were served and no
 * request got a 5xx, 1 otherwise, 2 on a usage error. It answers "does this jar serve these rules?"
 * after a build, and it is the training run of the Class Data Sharing archive (the Dockerfile and
 * {@code bench/http.sh}): it loads the classes a real start and real requests load.
 */
final class SmokeCommand {
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    SmokeCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> args) {
        if (!Cli.atMostOneFolder(args)) {
            err.println("usage: java -jar addon-configurator.jar smoke [RULES_DIR]");
            return Cli.USAGE;
        }
        Map<String, String> settings = new TreeMap<>(env);
        settings.put("PORT", "0");
        settings.put("RULES_WATCH", "false");
        if (!args.isEmpty()) {
            settings.put("RULES_DIR", args.get(0));
            settings.remove("SCENARIOS_DIR");
        }
        AppConfig config;
        try {
            config = AppConfigReader.fromEnv(settings);
        } catch (IllegalArgumentException e) {
            err.println("smoke: invalid configuration: " + e.getMessage());
            return Cli.USAGE;
        }
        App app = new App(config, Clock.systemUTC()).start();
        try {
            return smoke(app, config);
        } finally {
            app.stop();
        }
    }

    private int smoke(App app, AppConfig config) {
        ReloadAttempt first = awaitFirstLoad(app);
        if (first == null || !first.loaded()) {
            err.println("smoke: the rules in " + config.rulesDir() + " were not served: "
                    + (first == null ? "no answer within " + READY_WITHIN.toSeconds() + " s" : describe(first)));
            return 1;
        }
        List<Scenario> scenarios = new ArrayList<>();
        try {
            ScenarioReader reader = new ScenarioReader();
            for (Path file : ScenarioReader.files(config.scenariosDir())) {
                scenarios.addAll(
                        reader.read(file, config.scenariosDir().relativize(file).toString()));
            }
        } catch (IOException | ScenarioFileException e) {
            err.println("smoke: cannot read the scenarios in " + config.scenariosDir() + ": " + e.getMessage());
            return 1;
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper mapper = Json.newMapper();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int failed = 0;
        for (Scenario scenario : scenarios) {
            String path = Scenario.OPTIONS.equals(scenario.endpoint()) ? "/api/v1/options" : "/api/v1/evaluate";
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", scenario.language())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(scenario.given())))
                        .build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                statuses.merge(status, 1, Integer::sum);
                if (status >= 500) {
                    failed++;
                    err.println("smoke: " + scenario.file() + " '" + scenario.name() + "': " + path + " answered "
                            + status);
                }
            } catch (IOException e) {
                failed++;
                err.println("smoke: " + scenario.file() + " '" + scenario.name() + "': " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        out.println("smoke: ruleset " + first.version() + " served; " + scenarios.size()
                + " scenario request(s) over HTTP, answered " + statuses);
        return failed == 0 ? 0 : 1;
    }

    private static ReloadAttempt awaitFirstLoad(App app) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            ReloadAttempt attempt = app.registry().lastAttempt();
            if (attempt != null) {
                return attempt;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static String describe(ReloadAttempt attempt) {
        List<String> lines = new ArrayList<>();
        attempt.problems().forEach(p -> lines.add(p.toString()));
        attempt.failingScenarios().forEach(f -> lines.add(f.file() + " '" + f.scenario() + "': " + f.differences()));
        return String.join("; ", lines);
    }
}
