package com.addonconfigurator.cli;

import com.addonconfigurator.app.App;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.app.AppConfigReader;
import com.addonconfigurator.rules.Problem;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoadException;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import com.addonconfigurator.scenarios.ScenarioGate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code serve} (the default), {@code check}, {@code test}, {@code diff},
 * {@code record}, {@code smoke}, {@code boundaries}, {@code replay}, {@code configmap} and {@code health} ({@link #usage()}). Each
 * returns its exit code; serve returns -1 and keeps running.
 */
public final class Cli {
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final java.io.InputStream in;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env, java.io.InputStream in) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.in = in;
    }

    public int run(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            return dispatch(command, args);
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println(command + ": " + e);
            return 1;
        }
    }

    private int dispatch(String command, String[] args) {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        if (!command.equals("test")
                && COMMANDS.containsKey(command)
                && (rest.contains("--help") || rest.contains("-h"))) {
            out.println("usage: java -jar addon-configurator.jar " + COMMANDS.get(command));
            return 0;
        }
        return switch (command) {
            case "serve" -> serve();
            case "check" -> check(rest);
            case "test" -> new TestCommand(out, err, env).run(rest);
            case "diff" -> new DiffCommand(out, err, env).run(rest);
            case "record" -> new RecordCommand(out, err, in, env).run(rest);
            case "smoke" -> new SmokeCommand(out, err, env).run(rest);
            case "health" -> health();
            case "configmap" -> new ConfigMapCommand(out, err).run(rest);
            case "replay" -> new ReplayCommand(out, err, env).run(rest);
            case "boundaries" -> new BoundariesCommand(out, err, env).run(rest);
            case "help", "--help", "-h" -> {
                out.println(usage());
                yield 0;
            }
            default -> {
                err.println("unknown command '" + command + "'\n" + usage());
                yield USAGE;
            }
        };
    }

    /** The arguments of a command that takes an optional folder: none, or one that is not an option. */
    static boolean atMostOneFolder(List<String> args) {
        return args.isEmpty() || (args.size() == 1 && !args.get(0).startsWith("-"));
    }

    /** Each command with its arguments and what it does. */
    private static final Map<String, String> COMMANDS = commands();

    private static Map<String, String> commands() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("serve", "serve\n  serve HTTP on PORT with the rules in RULES_DIR (the default command)");
        c.put(
                "check",
                "check [RULES_DIR] [--firing-limit N]\n  build the rules and run their scenarios as a"
                        + " reload would; keep the compiled rules in RULES_CACHE_DIR for the next start");
        c.put(
                "test",
                "test [SCENARIOS] [--rules DIR] [--filter TEXT] [--coverage full|summary|off]"
                        + " [--min-coverage PCT] [--junit-xml FILE] [--update] [--firing-limit N]\n"
                        + "  run QA scenarios (a file or a folder), report coverage; --update accepts intended changes");
        c.put(
                "diff",
                "diff --base DIR --candidate DIR [--carts FILE.jsonl] [--firing-limit N]\n"
                        + "  what a rules change changes in the answers");
        c.put(
                "record",
                "record [FILE|-] [--rules DIR] [--name NAME] [--language it|en] [--with-messages]"
                        + " [--firing-limit N]\n  write a scenario whose expect is today's answer");
        c.put(
                "smoke",
                "smoke [RULES_DIR]\n  serve the rules on a free port, send every scenario's request over"
                        + " HTTP, stop: exit 0 when served and no answer was a 5xx");
        c.put(
                "boundaries",
                "boundaries [--rules DIR] [--from DATE] [--to DATE] [--carts FILE.jsonl] [--firing-limit N]\n"
                        + "  what changes in the answers on each day a price, promotion or rule changes");
        c.put(
                "replay",
                "replay QUOTE_ID [--firing-limit N]\n  re-run a kept quote on the ruleset archived with it"
                        + " (DATA_DIR or DATABASE_URL): exit 0 when the answer is identical");
        c.put("configmap", "configmap [RULES_DIR]\n  print the rules folder as Kubernetes ConfigMaps");
        c.put("health", "health\n  exit 0 when the local server on PORT answers /health");
        return c;
    }

    static String usage() {
        StringBuilder out = new StringBuilder("usage: java -jar addon-configurator.jar [command] [--help]\n");
        COMMANDS.values()
                .forEach(u -> out.append("  ").append(u.replace("\n", "\n    ")).append('\n'));
        return out.append("Every command that evaluates stops a looping rule as the service does (RULES_FIRING_LIMIT,"
                        + " RULES_TIME_LIMIT_MS).")
                .toString();
    }

    /** For container health checks: no curl or wget needed in the image. */
    private int health() {
        String port = env.getOrDefault("PORT", "8080");
        try {
            var client = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(2))
                    .build();
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(java.time.Duration.ofSeconds(2))
                    .build();
            int status = client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            out.println("health: " + status);
            return status == 200 ? 0 : 1;
        } catch (Exception e) {
            err.println("health: " + e);
            return 1;
        }
    }

    private int serve() {
        AppConfig config;
        try {
            config = AppConfigReader.fromEnv(env);
        } catch (IllegalArgumentException e) {
            err.println("addon-configurator: invalid configuration: " + e.getMessage());
            return USAGE;
        }
        com.addonconfigurator.app.Logging.configure(config.logFormat());
        App app = new App(config, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        out.println("addon-configurator serving on port " + app.port() + " with rules from "
                + config.rulesDir().toAbsolutePath().normalize());
        return -1;
    }

    private int check(List<String> raw) {
        Args args;
        RuleEngine engine;
        try {
            args = Args.parse(raw, Set.of(Args.FIRING_LIMIT), Set.of());
            if (args.positional.size() > 1) {
                throw new Args.UsageException("at most one RULES_DIR");
            }
            engine = args.engine(env);
        } catch (Args.UsageException e) {
            err.println("check: " + e.getMessage()
                    + "\nusage: java -jar addon-configurator.jar check [RULES_DIR] [--firing-limit N]");
            return USAGE;
        }
        Path folder = args.positional.isEmpty() ? AppConfigReader.rulesDir(env) : Path.of(args.positional.get(0));
        Clock clock = Clock.systemUTC();
        Ruleset ruleset;
        try {
            ruleset = Rulesets.loader(env, CompiledRulesCache.in(AppConfigReader.rulesCacheDir(env)))
                    .load(folder);
        } catch (RulesetLoadException e) {
            e.problems().forEach(p -> out.println(p));
            out.println("check: " + e.problems().size() + " problem(s) in " + folder);
            return 1;
        }
        List<ReloadAttempt.ScenarioFailure> failures = new ScenarioGate(engine, clock).check(ruleset, folder);
        for (ReloadAttempt.ScenarioFailure f : failures) {
            for (String d : f.differences()) {
                out.println(new Problem(f.file(), f.line(), 0, "scenario '" + f.scenario() + "': " + d));
            }
        }
        int rules = ruleset.files().stream().mapToInt(f -> f.rules().size()).sum();
        if (!failures.isEmpty()) {
            out.println("check: " + failures.size() + " scenario(s) failed in " + folder
                    + "; if the change is intended, accept it with: java -jar addon-configurator.jar test --rules "
                    + folder + " --update");
            return 1;
        }
        out.println("check: ok, ruleset " + ruleset.version() + " with " + rules + " rules in "
                + ruleset.files().size() + " files; every scenario passes");
        return 0;
    }
}
