package com.addonconfigurator.rules.facts;

/** An action that would make the cart better, e.g. ADD_MODULE DOCUMENTI for WOOCOMMERCE. */
public final class Suggestion {
    private final String action;
    private final String code;
    private final String forItem;

    public Suggestion(String action, String code, String forItem) {
        this.action = action;
        this.code = code;
        this.forItem = forItem;
    }

    public String getAction() {
        return action;
    }
    /** What the action is about: the module to add. */
    public String getCode() {
        return code;
    }
    /** The item that needs it. */
    public String getForItem() {
        return forItem;
    }
}
