package com.addonconfigurator.rules.facts;

import java.math.BigDecimal;

/**
 * One line of the price: an accepted item, or the extension. Mutable only so that a promotion rule
 * can restate an amount it discounts.
 */
public final class PriceLine {
    private final String code;
    private final String kind;
    private final int quantity;
    private final Integer months;
    private BigDecimal amount;
    private String promotion;

    public PriceLine(String code, String kind, int quantity, Integer months, BigDecimal amount) {
        this.code = code;
        this.kind = kind;
        this.quantity = quantity;
        this.months = months;
        this.amount = amount;
    }

    public String getCode() {
        return code;
    }
    /** PLAN, MODULE, USERS or EXTENSION: says how the line is described. */
    public String getKind() {
        return kind;
    }

    public int getQuantity() {
        return quantity;
    }
    /** Months covered, on pro-rata lines; null on full-price lines. */
    public Integer getMonths() {
        return months;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getPromotion() {
        return promotion;
    }

    public void setPromotion(String promotion) {
        this.promotion = promotion;
    }
}
