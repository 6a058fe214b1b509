package com.addonconfigurator.rules.facts;

/** The cart's switches (not its items, which are {@link Item} facts). */
public final class CartOptions {
    private final boolean extendActiveServices;
    private final boolean invoiceThroughArubaPanel;

    public CartOptions(boolean extendActiveServices, boolean invoiceThroughArubaPanel) {
        this.extendActiveServices = extendActiveServices;
        this.invoiceThroughArubaPanel = invoiceThroughArubaPanel;
    }

    public boolean isExtendActiveServices() {
        return extendActiveServices;
    }

    public boolean isInvoiceThroughArubaPanel() {
        return invoiceThroughArubaPanel;
    }
}
