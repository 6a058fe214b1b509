package com.addonconfigurator.api;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.Product;
import com.addonconfigurator.rules.ChangeCalendar;
import com.addonconfigurator.rules.Ruleset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of GET /api/v1/catalog: the catalog in force on a day as frontends need it, and the
 * next day something changes.
 */
final class CatalogView {
    Map<String, Object> of(Ruleset ruleset, LocalDate day) {
        Catalog c = ruleset.catalog().on(day);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rulesetVersion", ruleset.version());
        body.put("on", day);
        body.put("currency", c.getCurrency());
        body.put("vatRate", c.getVatRate().toPlainString());
        body.put("termMonths", c.getTermMonths());
        body.put("maxUsers", c.getMaxUsers());
        body.put("plans", products(c.productsOfKind(Catalog.PLAN)));
        body.put("modules", products(c.productsOfKind(Catalog.MODULE)));
        body.put("users", product(c.users()));
        body.put(
                "extension",
                products(c.productsOfKind(Catalog.EXTENSION)).stream()
                        .findFirst()
                        .orElse(null));
        body.put("nextChange", ChangeCalendar.next(ruleset, day));
        return body;
    }

    private static List<Map<String, Object>> products(List<Product> products) {
        return products.stream().map(CatalogView::product).toList();
    }

    private static Map<String, Object> product(Product p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", p.code());
        out.put("name", Map.of("it", p.name().it(), "en", p.name().en()));
        out.put("price", p.price() == null ? null : p.price().setScale(2).toPlainString());
        return out;
    }
}
