package com.addonconfigurator.rules.facts;

/** What to do after buying an item; order counts from 1 within the item. */
public final class NextStep {
    private final String item;
    private final int order;
    private final String code;
    private final boolean webPanelOnly;

    public NextStep(String item, int order, String code, boolean webPanelOnly) {
        this.item = item;
        this.order = order;
        this.code = code;
        this.webPanelOnly = webPanelOnly;
    }

    public String getItem() {
        return item;
    }

    public int getOrder() {
        return order;
    }

    public String getCode() {
        return code;
    }

    public boolean isWebPanelOnly() {
        return webPanelOnly;
    }
}
