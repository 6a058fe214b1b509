package com.addonconfigurator.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A catalog value over time: periods in date order that neither overlap nor leave a gap (the
 * reader refuses any that do). A single value is one period without limits.
 */
public record Timeline<T>(List<Period<T>> periods) {
    public Timeline {
        periods = List.copyOf(periods);
    }

    public static <T> Timeline<T> always(T value) {
        return new Timeline<>(List.of(new Period<>(null, null, value, 0, 0)));
    }

    /** The value in force on a day, or null when no period covers it. */
    public T at(LocalDate day) {
        for (Period<T> p : periods) {
            if (p.covers(day)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean isConstant() {
        return periods.size() == 1
                && periods.get(0).from() == null
                && periods.get(0).until() == null;
    }

    /** The value when it never changes; null when it does. */
    public T constant() {
        return isConstant() ? periods.get(0).value() : null;
    }

    /** Every date a period starts or ends. */
    public TreeSet<LocalDate> boundaries() {
        TreeSet<LocalDate> out = new TreeSet<>();
        for (Period<T> p : periods) {
            if (p.from() != null) {
                out.add(p.from());
            }
            if (p.until() != null) {
                out.add(p.until());
            }
        }
        return out;
    }

    /** The first day in force (null: always was). */
    public LocalDate start() {
        return periods.isEmpty() ? null : periods.get(0).from();
    }

    /** Each pair of consecutive periods that overlap or leave a gap, in words, naming both. */
    public List<String> problems(String what) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < periods.size(); i++) {
            Period<T> a = periods.get(i - 1);
            Period<T> b = periods.get(i);
            if (a.until() == null || (b.from() != null && b.from().isBefore(a.until()))) {
                out.add(what + ": the periods " + a.describe() + " and " + b.describe() + " overlap");
            } else if (b.from() == null || b.from().isAfter(a.until())) {
                out.add(what + ": the periods " + a.describe() + " and " + b.describe() + " leave a gap from "
                        + a.until() + " to " + b.from());
            }
        }
        return out;
    }
}
