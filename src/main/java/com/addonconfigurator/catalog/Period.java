package com.addonconfigurator.catalog;

import java.time.LocalDate;

/**
 * A value in force from a date (inclusive) until another (exclusive); null {@code from} or {@code
 * until}: without limit on that side. {@code line} and {@code column} say where the catalog gives it
 * (0 when it does not come from a file).
 */
public record Period<T>(LocalDate from, LocalDate until, T value, int line, int column) {
    public boolean covers(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
    }

    /** How the period reads in an error: {@code 2027-01-01 – 2027-04-01 (line 30)}. */
    public String describe() {
        return (from == null ? "always" : from.toString()) + " – " + (until == null ? "open-ended" : until.toString())
                + (line > 0 ? " (line " + line + ")" : "");
    }
}
