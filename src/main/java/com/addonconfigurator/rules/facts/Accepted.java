package com.addonconfigurator.rules.facts;

/** An item with no reason against it. */
public final class Accepted {
    private final Item item;

    public Accepted(Item item) {
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

    public int getQuantity() {
        return item.getQuantity();
    }
}
