package com.addonconfigurator.cli;

import com.addonconfigurator.messages.MessagesReader;
import com.addonconfigurator.rules.RuleFile;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.ScenarioResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** How much of it to print: every rule and code, the totals and what is not covered, or nothing. */
    enum Detail {
        FULL,
        SUMMARY,
        OFF
    }

    void print(PrintStream out, Detail detail) {
        if (detail == Detail.OFF) {
            return;
        }
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
        if (detail == Detail.SUMMARY) {
            long missing = rules.values().stream().filter(n -> n == 0).count()
                    + codes.values().stream().filter(n -> n == 0).count();
            out.println(
                    missing == 0 ? "not covered: none" : "not covered: " + missing + " (--coverage full lists them)");
            return;
        }
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
