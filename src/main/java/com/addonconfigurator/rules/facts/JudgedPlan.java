package com.addonconfigurator.rules.facts;

/** The plan that R1 and R2 judge: the account's, or without an account the cart's. */
public final class JudgedPlan {
    private final String code;

    public JudgedPlan(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
