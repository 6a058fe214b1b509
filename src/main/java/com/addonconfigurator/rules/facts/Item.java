package com.addonconfigurator.rules.facts;

/** Something the customer wants to buy: the plan, a module, or users. Its code is unique in a cart. */
public final class Item {
    public static final String PLAN = "PLAN";
    public static final String MODULE = "MODULE";
    public static final String USERS = "USERS";

    private final String code;
    private final String kind;
    private final int quantity;
    private final int position;

    public Item(String code, String kind, int quantity, int position) {
        this.code = code;
        this.kind = kind;
        this.quantity = quantity;
        this.position = position;
    }

    public String getCode() {
        return code;
    }
    /** PLAN, MODULE or USERS. */
    public String getKind() {
        return kind;
    }

    public int getQuantity() {
        return quantity;
    }
    /** Where the item stands in the answer: plan, modules in request order, users. */
    public int getPosition() {
        return position;
    }
}
