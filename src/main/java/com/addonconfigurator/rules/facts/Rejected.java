package com.addonconfigurator.rules.facts;

/** An item with at least one reason against it. */
public final class Rejected {
    private final Item item;

    public Rejected(Item item) {
        this.item = item;
    }

    public Item getItem() {
        return item;
    }

    public String getCode() {
        return item.getCode();
    }

    public String getKind() {
        return item.getKind();
    }
}
