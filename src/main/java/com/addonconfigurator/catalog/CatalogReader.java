package com.addonconfigurator.catalog;

import com.addonconfigurator.messages.LocalizedText;
import com.addonconfigurator.yaml.InvalidFileException;
import com.addonconfigurator.yaml.YamlFiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code catalog.yaml}: see the comments in that file for its format. */
public final class CatalogReader {
    record Names(String it, String en) {}

    record ProductEntry(String code, Names name, BigDecimal price) {}

    record CatalogFile(
            String currency,
            BigDecimal vatRate,
            Integer termMonths,
            Integer maxUsers,
            List<ProductEntry> plans,
            List<ProductEntry> modules,
            ProductEntry users,
            ProductEntry extension) {}

    private CatalogReader() {}

    public static Catalog read(String yaml) throws InvalidFileException {
        CatalogFile file = YamlFiles.read(yaml, CatalogFile.class);
        List<String> problems = new ArrayList<>();
        require(file.currency(), "currency", problems);
        require(file.vatRate(), "vatRate", problems);
        require(file.termMonths(), "termMonths", problems);
        require(file.maxUsers(), "maxUsers", problems);
        require(file.users(), "users", problems);
        require(file.extension(), "extension", problems);
        if (file.vatRate() != null
                && (file.vatRate().signum() < 0 || file.vatRate().compareTo(BigDecimal.ONE) >= 0)) {
            problems.add("vatRate must be a fraction between 0 and 1, e.g. \"0.22\"");
        }
        if (file.termMonths() != null && file.termMonths() < 1) {
            problems.add("termMonths must be at least 1");
        }
        if (file.maxUsers() != null && file.maxUsers() < 0) {
            problems.add("maxUsers must be 0 or more");
        }
        List<Product> products = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, List<ProductEntry>> lists =
                Map.of(Catalog.PLAN, nullToEmpty(file.plans()), Catalog.MODULE, nullToEmpty(file.modules()));
        for (String kind : List.of(Catalog.PLAN, Catalog.MODULE)) {
            for (ProductEntry entry : lists.get(kind)) {
                add(entry, kind, products, codes, problems, true);
            }
        }
        if (lists.get(Catalog.PLAN).isEmpty()) {
            problems.add("plans must list at least one plan");
        }
        if (file.users() != null) {
            add(file.users(), Catalog.USERS, products, codes, problems, true);
        }
        if (file.extension() != null) {
            add(file.extension(), Catalog.EXTENSION, products, codes, problems, false);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(0, 0, String.join("; ", problems));
        }
        return new Catalog(file.currency(), file.vatRate(), file.termMonths(), file.maxUsers(), products);
    }

    private static void add(
            ProductEntry entry,
            String kind,
            List<Product> products,
            Set<String> codes,
            List<String> problems,
            boolean priced) {
        String where = kind.toLowerCase() + " " + (entry.code() == null ? "(no code)" : entry.code());
        if (entry.code() == null || !entry.code().matches("[A-Z][A-Z0-9_]*")) {
            problems.add(where + ": code must be UPPER_SNAKE_CASE");
            return;
        }
        if (!codes.add(entry.code())) {
            problems.add(where + ": code listed twice");
        }
        if (entry.name() == null
                || blank(entry.name().it())
                || blank(entry.name().en())) {
            problems.add(where + ": name needs both it and en");
        }
        if (entry.price() != null && entry.price().signum() < 0) {
            problems.add(where + ": price must not be negative");
        }
        if (!priced && entry.price() != null) {
            problems.add(where + ": takes no price (it is priced from the plan)");
        }
        LocalizedText name = entry.name() == null
                ? new LocalizedText(entry.code(), entry.code())
                : new LocalizedText(entry.name().it(), entry.name().en());
        products.add(new Product(entry.code(), kind, name, entry.price()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(Object value, String field, List<String> problems) {
        if (value == null) {
            problems.add(field + " is required");
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
