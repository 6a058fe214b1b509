package com.addonconfigurator.rules.facts;

import java.time.LocalDate;

/** When an accepted item expires. */
public final class ItemExpiry {
    private final String item;
    private final LocalDate date;

    public ItemExpiry(String item, LocalDate date) {
        this.item = item;
        this.date = date;
    }

    public String getItem() {
        return item;
    }

    public LocalDate getDate() {
        return date;
    }
}
