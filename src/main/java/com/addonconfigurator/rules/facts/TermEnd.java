package com.addonconfigurator.rules.facts;

import java.time.LocalDate;

/** The end of the add-ons' term (T): the evaluation date plus the catalog term. */
public final class TermEnd {
    private final LocalDate date;

    public TermEnd(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() {
        return date;
    }
}
