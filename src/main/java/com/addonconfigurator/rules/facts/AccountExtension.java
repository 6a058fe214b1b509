package com.addonconfigurator.rules.facts;

import java.time.LocalDate;

/** The account's plan is extended by some months, to a new expiry. */
public final class AccountExtension {
    private final int months;
    private final LocalDate until;

    public AccountExtension(int months, LocalDate until) {
        this.months = months;
        this.until = until;
    }

    public int getMonths() {
        return months;
    }

    public LocalDate getUntil() {
        return until;
    }
}
