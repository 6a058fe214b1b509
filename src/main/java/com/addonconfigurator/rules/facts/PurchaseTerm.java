package com.addonconfigurator.rules.facts;

import java.time.LocalDate;

/** When what this cart buys expires. */
public final class PurchaseTerm {
    private final LocalDate date;

    public PurchaseTerm(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() {
        return date;
    }
}
