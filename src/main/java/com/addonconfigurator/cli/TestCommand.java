package com.addonconfigurator.cli;

import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.Report;
import com.addonconfigurator.scenarios.ScenarioReader;
import com.addonconfigurator.scenarios.ScenarioResult;
import com.addonconfigurator.scenarios.ScenarioRunner;
import com.addonconfigurator.scenarios.ScenarioUpdater;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code test [SCENARIOS] [options]} ({@link #USAGE}): runs scenarios, prints each failure and the
 * coverage of rules and codes, ends with {@code N passed, N failed}; with {@code --update}, first
 * rewrites the expected values that differ to today's answer.
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

    static final String USAGE = """
            usage: java -jar addon-configurator.jar test [SCENARIOS] [options]
              SCENARIOS                  a scenario file, or a folder of them (default: the rules folder's scenarios/)
              --rules DIR                the rules to test (default: RULES_DIR, else ./rules)
              --filter TEXT              only the scenarios whose name, file, tag or spec id matches
              --coverage full|summary|off  coverage to print (default full; summary with --filter or a file)
              --min-coverage PCT         fail below this share of rules and codes covered
              --junit-xml FILE           also write a JUnit report
              --update                   rewrite each expected value that differs to today's answer, then test
                                         again: review the change with your version control's diff
              --firing-limit N           stop a looping rule after N firings (default: RULES_FIRING_LIMIT)
            Exit 0 when every scenario passed (and coverage is met), 1 otherwise or when no scenario ran,
            2 on a usage error.""";

    int run(List<String> raw) {
        if (raw.contains("--help") || raw.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Args args;
        double minCoverage;
        RuleEngine engine;
        Coverage.Detail detail;
        try {
            args = Args.parse(
                    raw,
                    Set.of("--rules", "--filter", "--junit-xml", "--min-coverage", "--coverage", Args.FIRING_LIMIT),
                    Set.of("--update"));
            if (args.positional.size() > 1) {
                throw new Args.UsageException("at most one SCENARIOS file or folder");
            }
            minCoverage = Double.parseDouble(args.get("--min-coverage", "0"));
            if (minCoverage < 0 || minCoverage > 100) {
                throw new Args.UsageException("--min-coverage is a percentage from 0 to 100");
            }
            detail = detail(args);
            engine = args.engine(env);
        } catch (Args.UsageException | NumberFormatException e) {
            err.println("test: " + e.getMessage() + "\n" + USAGE);
            return Cli.USAGE;
        }
        Path rulesDir = args.rulesDir(env);
        Path target = (args.positional.isEmpty() ? rulesDir.resolve("scenarios") : Path.of(args.positional.get(0)))
                .toAbsolutePath()
                .normalize(); // a file's folder names its scenarios in reports, relative or not
        Path root = Files.isRegularFile(target) ? parentOf(target) : target;
        List<Path> files;
        try {
            files = Files.isRegularFile(target) ? List.of(target) : ScenarioReader.files(target);
        } catch (IOException e) {
            err.println("test: cannot read " + target + ": " + e.getMessage());
            return 1;
        }
        if (files.isEmpty()) {
            err.println("test: no scenario file (*.yaml) " + (Files.isDirectory(target) ? "in " : "at ") + target);
            return 1;
        }
        Ruleset ruleset = Rulesets.load(rulesDir, err, env);
        if (ruleset == null) {
            return 1;
        }
        String filter = args.options.get("--filter");
        ScenarioRunner runner = new ScenarioRunner(engine, Clock.systemUTC());
        List<ScenarioResult> results = select(runner.runFiles(ruleset, root, files, ""), filter);
        if (results.isEmpty()) {
            err.println("test: no scenario in " + target + " matches --filter '" + filter + "'");
            out.println("0 passed, 0 failed");
            return 1;
        }
        if (args.options.containsKey("--update") && !update(root, results)) {
            return 1;
        }
        if (args.options.containsKey("--update")) {
            results = select(runner.runFiles(ruleset, root, files, ""), filter);
        }
        int failed = 0;
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                failed++;
                out.println("FAIL " + Report.failure(r));
            }
        }
        Coverage coverage = Coverage.of(ruleset, results);
        coverage.print(
                out,
                detail == null
                        ? (filter != null || Files.isRegularFile(target)
                                ? Coverage.Detail.SUMMARY
                                : Coverage.Detail.FULL)
                        : detail);
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

    private static Coverage.Detail detail(Args args) throws Args.UsageException {
        String given = args.options.get("--coverage");
        if (given == null) {
            return null;
        }
        try {
            return Coverage.Detail.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--coverage is full, summary or off, not '" + given + "'");
        }
    }

    private static Path parentOf(Path file) {
        return file.getParent();
    }

    private static List<ScenarioResult> select(List<ScenarioResult> all, String filter) {
        return all.stream().filter(r -> filter == null || matches(r, filter)).toList();
    }

    /** Rewrites the failing scenarios' differing values, printing each; false when a file cannot be written. */
    private boolean update(Path root, List<ScenarioResult> results) {
        Map<String, List<ScenarioResult>> byFile = new TreeMap<>();
        results.forEach(
                r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        int changed = 0;
        int filesChanged = 0;
        for (Map.Entry<String, List<ScenarioResult>> e : byFile.entrySet()) {
            if (e.getValue().stream().allMatch(ScenarioResult::passed)) {
                continue;
            }
            Path file = root.resolve(e.getKey());
            try {
                ScenarioUpdater.Updated updated = ScenarioUpdater.update(Files.readString(file), e.getValue());
                if (updated.changes().isEmpty()) {
                    continue;
                }
                Files.writeString(file, updated.text());
                updated.changes().forEach(c -> out.println("updated " + c));
                changed += updated.changes().size();
                filesChanged++;
            } catch (IOException ex) {
                err.println("test: cannot update " + file + ": " + ex.getMessage());
                return false;
            }
        }
        out.println(changed + " expected value(s) updated in " + filesChanged
                + " file(s); review them with your version control's diff");
        return true;
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
}
