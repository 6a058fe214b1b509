package com.addonconfigurator.rules.facts;

import java.time.LocalDate;

/** The account's expiry after this purchase. */
public final class AccountExpiry {
    private final LocalDate date;

    public AccountExpiry(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() {
        return date;
    }
}
