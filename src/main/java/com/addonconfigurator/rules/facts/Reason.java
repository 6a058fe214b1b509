package com.addonconfigurator.rules.facts;

import java.util.Map;

/** Why an item cannot be bought. An item with at least one reason is rejected. */
public final class Reason {
    private final String item;
    private final String code;
    private final Map<String, Object> params;

    public Reason(String item, String code, Map<String, Object> params) {
        this.item = item;
        this.code = code;
        this.params = Map.copyOf(params);
    }

    public Reason(String item, String code) {
        this(item, code, Map.of());
    }

    public String getItem() {
        return item;
    }

    public String getCode() {
        return code;
    }
    /** The values the message uses, also given to clients. */
    public Map<String, Object> getParams() {
        return params;
    }
}
