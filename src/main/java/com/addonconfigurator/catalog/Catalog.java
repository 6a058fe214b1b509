package com.addonconfigurator.catalog;

import com.addonconfigurator.messages.Language;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' catalog: products with their prices and names, VAT rate, term and maximum users.
 * Immutable; set as the global {@code catalog} of every KIE session whose rules declare it, so rules
 * read prices and limits from it.
 */
public final class Catalog {
    public static final String PLAN = "PLAN";
    public static final String MODULE = "MODULE";
    public static final String USERS = "USERS";
    public static final String EXTENSION = "EXTENSION";

    private final String currency;
    private final BigDecimal vatRate;
    private final int termMonths;
    private final int maxUsers;
    private final Map<String, Product> products;
    private final Product users;
    private final Map<String, List<String>> codesByKind;

    public Catalog(String currency, BigDecimal vatRate, int termMonths, int maxUsers, List<Product> products) {
        this.currency = currency;
        this.vatRate = vatRate;
        this.termMonths = termMonths;
        this.maxUsers = maxUsers;
        Map<String, Product> byCode = new LinkedHashMap<>();
        for (Product p : products) {
            byCode.put(p.code(), p);
        }
        this.products = Collections.unmodifiableMap(byCode);
        this.users = productsOfKind(USERS).stream().findFirst().orElse(null);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Product p : products) {
            codes.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p.code());
        }
        codes.replaceAll((k, v) -> List.copyOf(v));
        this.codesByKind = Map.copyOf(codes);
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public int getTermMonths() {
        return termMonths;
    }

    public int getMaxUsers() {
        return maxUsers;
    }

    /** The list price of a product; fails loudly when a rule prices something the catalog does not. */
    public BigDecimal price(String code) {
        Product p = products.get(code);
        if (p == null || p.price() == null) {
            throw new IllegalStateException("the catalog has no price for " + code);
        }
        return p.price();
    }

    public Product product(String code) {
        return products.get(code);
    }

    public List<Product> productsOfKind(String kind) {
        List<Product> out = new ArrayList<>();
        for (Product p : products.values()) {
            if (p.kind().equals(kind)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The codes of the products of a kind, in catalog order (computed once). */
    public List<String> codesOfKind(String kind) {
        return codesByKind.getOrDefault(kind, List.of());
    }

    /** The product sold as extra users (one per catalog). */
    public Product users() {
        return users;
    }

    /** The localized name of a product, or the code itself when it is not a product. */
    public String nameOf(String code, Language language) {
        Product p = products.get(code);
        return p == null ? code : p.name().in(language);
    }
}
