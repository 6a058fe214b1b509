package com.addonconfigurator.cli;

import com.addonconfigurator.messages.MessagesReader;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RuleFile;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.Report;
import com.addonconfigurator.scenarios.ScenarioResult;
import com.addonconfigurator.scenarios.ScenarioRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code test [SCENARIOS_DIR] [--rules DIR] [--filter TEXT] [--junit-xml FILE] [--min-coverage PCT]}:
 * runs scenarios, prints each failure and the coverage of rules and codes, ends with
 * {@code N passed, N failed}. Exit 0 when none failed and coverage is met, 1 otherwise, 2 on a usage error.
 */
final class TestCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    TestCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> raw) {
        Args args;
        double minCoverage;
        RuleEngine engine;
        try {
            args = Args.parse(
                    raw, Set.of("--rules", "--filter", "--junit-xml", "--min-coverage", Args.FIRING_LIMIT), Set.of());
            if (args.positional.size() > 1) {
                throw new Args.UsageException("at most one SCENARIOS_DIR");
            }
            minCoverage = Double.parseDouble(args.get("--min-coverage", "0"));
            if (minCoverage < 0 || minCoverage > 100) {
                throw new Args.UsageException("--min-coverage is a percentage from 0 to 100");
            }
            engine = args.engine(env);
        } catch (Args.UsageException | NumberFormatException e) {
            err.println("test: " + e.getMessage() + "\n" + Cli.usage());
            return Cli.USAGE;
        }
        Path rulesDir = args.rulesDir(env);
        Path scenarios = args.positional.isEmpty() ? rulesDir.resolve("scenarios") : Path.of(args.positional.get(0));
        Ruleset ruleset = Rulesets.load(rulesDir, err, env);
        if (ruleset == null) {
            return 1;
        }
        String filter = args.options.get("--filter");
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioResult r : new ScenarioRunner(engine, Clock.systemUTC()).runFolder(ruleset, scenarios, "")) {
            if (filter == null || matches(r, filter)) {
                results.add(r);
            }
        }
        int failed = 0;
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                failed++;
                out.println("FAIL " + Report.failure(r));
            }
        }
        Coverage coverage = Coverage.of(ruleset, results);
        coverage.print(out);
        if (args.options.containsKey("--junit-xml")) {
            try {
                JunitXml.write(Path.of(args.options.get("--junit-xml")), results);
            } catch (IOException e) {
                err.println("test: cannot write the JUnit report: " + e.getMessage());
                return 1;
            }
        }
        boolean coverageMet = coverage.percent() + 1e-9 >= minCoverage;
        if (!coverageMet) {
            out.println(String.format(
                    Locale.ROOT, "coverage %.1f%% is below the minimum %.1f%%", coverage.percent(), minCoverage));
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 && coverageMet ? 0 : 1;
    }

    private static boolean matches(ScenarioResult r, String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        if (r.name().toLowerCase(Locale.ROOT).contains(f)
                || r.file().toLowerCase(Locale.ROOT).contains(f)) {
            return true;
        }
        return r.scenario() != null
                && (r.scenario().tags().stream().anyMatch(t -> t.equalsIgnoreCase(filter))
                        || r.scenario().covers().stream().anyMatch(c -> c.equalsIgnoreCase(filter)));
    }

    /** How many scenarios reached each rule and each code. */
    record Coverage(Map<String, Integer> rules, Map<String, String> ruleFiles, Map<String, Integer> codes) {
        static Coverage of(Ruleset ruleset, List<ScenarioResult> results) {
            Map<String, Integer> rules = new LinkedHashMap<>();
            Map<String, String> files = new LinkedHashMap<>();
            for (RuleFile f : ruleset.files()) {
                for (String rule : f.rules()) {
                    rules.put(rule, 0);
                    files.put(rule, f.path());
                }
            }
            Map<String, Integer> codes = new LinkedHashMap<>();
            for (String section : MessagesReader.SECTIONS) {
                if (!section.equals("lines")) {
                    ruleset.messages().sections().getOrDefault(section, Map.of()).keySet().stream()
                            .sorted()
                            .forEach(code -> codes.put(section + ":" + code, 0));
                }
            }
            for (ScenarioResult r : results) {
                r.firedRules().forEach(rule -> rules.computeIfPresent(rule, (k, n) -> n + 1));
                r.codes().forEach(code -> codes.merge(code, 1, Integer::sum));
            }
            return new Coverage(rules, files, codes);
        }

        double percent() {
            long total = rules.size() + codes.size();
            long covered = rules.values().stream().filter(n -> n > 0).count()
                    + codes.values().stream().filter(n -> n > 0).count();
            return total == 0 ? 100.0 : 100.0 * covered / total;
        }

        void print(PrintStream out) {
            long rulesCovered = rules.values().stream().filter(n -> n > 0).count();
            long codesCovered = codes.values().stream().filter(n -> n > 0).count();
            out.println(String.format(
                    Locale.ROOT,
                    "coverage: %.1f%% — rules %d/%d, codes %d/%d",
                    percent(),
                    rulesCovered,
                    rules.size(),
                    codesCovered,
                    codes.size()));
            out.println("  rules (scenarios that fired each):");
            rules.forEach((rule, n) -> out.println(String.format(
                    Locale.ROOT, "  %5d  %s  (%s)%s", n, rule, ruleFiles.get(rule), n == 0 ? "  NOT COVERED" : "")));
            out.println("  codes (scenarios that produced each):");
            codes.forEach((code, n) ->
                    out.println(String.format(Locale.ROOT, "  %5d  %s%s", n, code, n == 0 ? "  NOT COVERED" : "")));
            List<String> missing = new ArrayList<>();
            rules.forEach((rule, n) -> {
                if (n == 0) {
                    missing.add("rule \"" + rule + "\"");
                }
            });
            codes.forEach((code, n) -> {
                if (n == 0) {
                    missing.add(code);
                }
            });
            out.println(missing.isEmpty() ? "not covered: none" : "not covered: " + String.join(", ", missing));
        }
    }
}
