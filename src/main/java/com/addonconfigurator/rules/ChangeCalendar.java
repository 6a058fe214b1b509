package com.addonconfigurator.rules;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.Timeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Every date on which something of a ruleset changes: a price, the VAT rate, the term, a promotion
 * (from the catalog's periods) or a rule (its {@code date-effective} and {@code date-expires}),
 * with what it was the day before and what it is from that day.
 */
public final class ChangeCalendar {
    public static final String IN_FORCE = "in force";
    public static final String NOT_IN_FORCE = "not in force";

    /** One thing that changes on a day: a price (by product code), vatRate, termMonths, a promotion or a rule. */
    public record Change(String what, String code, String before, String after) {}

    /** The changes of one day. */
    public record Day(LocalDate date, List<Change> changes) {}

    private ChangeCalendar() {}

    /** Every day from {@code from} (inclusive) on which something changes, in date order. */
    public static List<Day> from(Ruleset ruleset, LocalDate from) {
        Catalog catalog = ruleset.catalog();
        TreeMap<LocalDate, List<Change>> days = new TreeMap<>();
        catalog.priceTimelines().forEach((code, prices) -> values(days, "price", code, prices));
        values(days, "vatRate", null, catalog.vatRateTimeline());
        values(days, "termMonths", null, catalog.termTimeline());
        catalog.promotions().forEach((code, window) -> window(days, "promotion", code, window.from(), window.until()));
        for (Map.Entry<String, LocalDate[]> rule : ruleDates(ruleset).entrySet()) {
            window(days, "rule", rule.getKey(), rule.getValue()[0], rule.getValue()[1]);
        }
        List<Day> out = new ArrayList<>();
        days.tailMap(from, true).forEach((date, changes) -> out.add(new Day(date, List.copyOf(changes))));
        return out;
    }

    /** The first day after {@code day} on which something changes, or null. */
    public static Day next(Ruleset ruleset, LocalDate day) {
        return from(ruleset, day.plusDays(1)).stream().findFirst().orElse(null);
    }

    /** Each scheduled rule's [date-effective, date-expires] (either may be null), by name. */
    public static Map<String, LocalDate[]> ruleDates(Ruleset ruleset) {
        Map<String, LocalDate[]> out = new TreeMap<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl
                        && (impl.getDateEffective() != null || impl.getDateExpires() != null)) {
                    out.put(rule.getName(), new LocalDate[] {day(impl.getDateEffective()), day(impl.getDateExpires())});
                }
            }
        }
        return out;
    }

    private static LocalDate day(Calendar calendar) {
        return calendar == null ? null : LocalDate.ofInstant(calendar.toInstant(), ZoneId.systemDefault());
    }

    private static <T> void values(
            TreeMap<LocalDate, List<Change>> days, String what, String code, Timeline<T> timeline) {
        for (LocalDate date : timeline.boundaries()) {
            T before = timeline.at(date.minusDays(1));
            T after = timeline.at(date);
            if (!Objects.equals(before, after)) {
                days.computeIfAbsent(date, d -> new ArrayList<>())
                        .add(new Change(what, code, text(before), text(after)));
            }
        }
    }

    private static void window(
            TreeMap<LocalDate, List<Change>> days, String what, String code, LocalDate from, LocalDate until) {
        if (from != null) {
            days.computeIfAbsent(from, d -> new ArrayList<>()).add(new Change(what, code, NOT_IN_FORCE, IN_FORCE));
        }
        if (until != null) {
            days.computeIfAbsent(until, d -> new ArrayList<>()).add(new Change(what, code, IN_FORCE, NOT_IN_FORCE));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
