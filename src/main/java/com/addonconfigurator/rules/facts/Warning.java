package com.addonconfigurator.rules.facts;

import java.util.Map;

/** Something the customer should know about the cart. */
public final class Warning {
    private final String code;
    private final Map<String, Object> params;

    public Warning(String code, Map<String, Object> params) {
        this.code = code;
        this.params = Map.copyOf(params);
    }

    public Warning(String code) {
        this(code, Map.of());
    }

    public String getCode() {
        return code;
    }

    public Map<String, Object> getParams() {
        return params;
    }
}
