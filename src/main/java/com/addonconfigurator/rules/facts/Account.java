package com.addonconfigurator.rules.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The customer's existing subscription; absent from the session when the customer has none. */
public final class Account {
    private final String plan;
    private final LocalDate expiresOn;
    private final Set<String> activeModules;
    private final int users;
    private final boolean contactsMatched;

    public Account(String plan, LocalDate expiresOn, List<String> activeModules, int users, boolean contactsMatched) {
        this.plan = plan;
        this.expiresOn = expiresOn;
        this.activeModules = Set.copyOf(activeModules);
        this.users = users;
        this.contactsMatched = contactsMatched;
    }

    public String getPlan() {
        return plan;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public Set<String> getActiveModules() {
        return activeModules;
    }

    public int getUsers() {
        return users;
    }

    public boolean isContactsMatched() {
        return contactsMatched;
    }
}
