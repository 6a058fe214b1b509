package com.addonconfigurator.rules.facts;

/** The extra users the customer already has. */
public final class CurrentUsers {
    private final int count;

    public CurrentUsers(int count) {
        this.count = count;
    }

    public int getCount() {
        return count;
    }
}
