package com.addonconfigurator.cli;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.Period;
import com.addonconfigurator.catalog.Timeline;
import com.addonconfigurator.messages.MessagesReader;
import com.addonconfigurator.rules.ChangeCalendar;
import com.addonconfigurator.rules.RuleFile;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.ScenarioResult;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many scenarios reached each rule and each code, and how many evaluate on a date inside each
 * period of a scheduled change (a price, the VAT rate or the term that changes, a promotion's
 * window and the time outside it, a rule's date-effective to date-expires and the time outside).
 */
record Coverage(
        Map<String, Integer> rules,
        Map<String, String> ruleFiles,
        Map<String, Integer> codes,
        Map<String, Integer> periods) {
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
        Map<String, Integer> periods = new LinkedHashMap<>();
        Map<String, Period<?>> windows = periods(ruleset);
        windows.keySet().forEach(label -> periods.put(label, 0));
        for (ScenarioResult r : results) {
            LocalDate day = date(r.scenario().given().path("evaluationDate").asText(""));
            windows.forEach((label, period) -> {
                if (day != null && period.covers(day)) {
                    periods.merge(label, 1, Integer::sum);
                }
            });
        }
        return new Coverage(rules, files, codes, periods);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Every period of whatever the ruleset schedules, by a label that says what and when. */
    private static Map<String, Period<?>> periods(Ruleset ruleset) {
        Map<String, Period<?>> out = new LinkedHashMap<>();
        Catalog catalog = ruleset.catalog();
        catalog.priceTimelines().forEach((code, t) -> timeline(out, "price " + code, t));
        timeline(out, "vatRate", catalog.vatRateTimeline());
        timeline(out, "termMonths", catalog.termTimeline());
        catalog.promotions().forEach((code, w) -> window(out, "promotion " + code, w.from(), w.until()));
        ChangeCalendar.ruleDates(ruleset).forEach((rule, d) -> window(out, "rule \"" + rule + "\"", d[0], d[1]));
        return out;
    }

    private static void timeline(Map<String, Period<?>> out, String what, Timeline<?> timeline) {
        if (!timeline.isConstant()) {
            timeline.periods().forEach(p -> out.put(what + " " + span(p.from(), p.until()) + " = " + p.value(), p));
        }
    }

    private static void window(Map<String, Period<?>> out, String what, LocalDate from, LocalDate until) {
        if (from != null) {
            out.put(what + " not in force " + span(null, from), new Period<>(null, from, null, 0, 0));
        }
        out.put(what + " in force " + span(from, until), new Period<>(from, until, null, 0, 0));
        if (until != null) {
            out.put(what + " not in force " + span(until, null), new Period<>(until, null, null, 0, 0));
        }
    }

    private static String span(LocalDate from, LocalDate until) {
        return from == null && until == null
                ? "always"
                : from == null ? "until " + until : until == null ? "from " + from : "from " + from + " until " + until;
    }

    double percent() {
        long total = rules.size() + codes.size() + periods.size();
        long covered = rules.values().stream().filter(n -> n > 0).count()
                + codes.values().stream().filter(n -> n > 0).count()
                + periods.values().stream().filter(n -> n > 0).count();
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
        long periodsCovered = periods.values().stream().filter(n -> n > 0).count();
        out.println(String.format(
                Locale.ROOT,
                "coverage: %.1f%% — rules %d/%d, codes %d/%d, scheduled periods %d/%d",
                percent(),
                rulesCovered,
                rules.size(),
                codesCovered,
                codes.size(),
                periodsCovered,
                periods.size()));
        if (detail == Detail.SUMMARY) {
            long missing = rules.values().stream().filter(n -> n == 0).count()
                    + codes.values().stream().filter(n -> n == 0).count()
                    + periods.values().stream().filter(n -> n == 0).count();
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
        out.println("  scheduled periods (scenarios whose evaluation date falls in each):");
        periods.forEach((period, n) ->
                out.println(String.format(Locale.ROOT, "  %5d  %s%s", n, period, n == 0 ? "  NOT COVERED" : "")));
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
        periods.forEach((period, n) -> {
            if (n == 0) {
                missing.add(period);
            }
        });
        out.println(missing.isEmpty() ? "not covered: none" : "not covered: " + String.join(", ", missing));
    }
}
