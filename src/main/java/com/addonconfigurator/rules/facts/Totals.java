package com.addonconfigurator.rules.facts;

import java.math.BigDecimal;

/** The cart's totals. */
public final class Totals {
    private final BigDecimal net;
    private final BigDecimal vatRate;
    private final BigDecimal vat;
    private final BigDecimal gross;

    public Totals(BigDecimal net, BigDecimal vatRate, BigDecimal vat, BigDecimal gross) {
        this.net = net;
        this.vatRate = vatRate;
        this.vat = vat;
        this.gross = gross;
    }

    public BigDecimal getNet() {
        return net;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public BigDecimal getVat() {
        return vat;
    }

    public BigDecimal getGross() {
        return gross;
    }
}
