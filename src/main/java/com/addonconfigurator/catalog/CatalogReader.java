package com.addonconfigurator.catalog;

import com.addonconfigurator.messages.LocalizedText;
import com.addonconfigurator.yaml.InvalidFileException;
import com.addonconfigurator.yaml.YamlFiles;
import com.addonconfigurator.yaml.YamlSpans;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code catalog.yaml}: see the comments in that file for its format. A price, {@code
 * vatRate} and {@code termMonths} are a single value or a list of periods ({@code from}, optional
 * {@code until}, {@code value}); a promotion has an optional {@code from} and {@code until}. Every
 * problem is reported with its line and column, periods that overlap or leave a gap with both named.
 */
public final class CatalogReader {
    record Names(String it, String en) {}

    record ProductEntry(String code, Names name, JsonNode price) {}

    record PromotionEntry(String code, JsonNode from, JsonNode until) {}

    record CatalogFile(
            String currency,
            JsonNode vatRate,
            JsonNode termMonths,
            Integer maxUsers,
            List<ProductEntry> plans,
            List<ProductEntry> modules,
            ProductEntry users,
            ProductEntry extension,
            List<PromotionEntry> promotions) {}

    private final YamlSpans spans;
    private final List<InvalidFileException.Located> problems = new ArrayList<>();

    private CatalogReader(String yaml) {
        this.spans = YamlSpans.of(yaml);
    }

    public static Catalog read(String yaml) throws InvalidFileException {
        return new CatalogReader(yaml).catalog(YamlFiles.read(yaml, CatalogFile.class));
    }

    private void problem(String pointer, String message) {
        YamlSpans.Position at = spans.key(pointer);
        problems.add(
                new InvalidFileException.Located(at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
    }

    private Catalog catalog(CatalogFile file) throws InvalidFileException {
        require(file.currency(), "currency");
        require(file.vatRate(), "vatRate");
        require(file.termMonths(), "termMonths");
        require(file.maxUsers(), "maxUsers");
        require(file.users(), "users");
        require(file.extension(), "extension");
        Timeline<BigDecimal> vatRate = timeline(
                "/vatRate",
                "vatRate",
                file.vatRate(),
                CatalogReader::decimal,
                rate -> rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0
                        ? "vatRate must be a fraction between 0 and 1, e.g. \"0.22\""
                        : null);
        Timeline<Integer> term = timeline(
                "/termMonths",
                "termMonths",
                file.termMonths(),
                CatalogReader::whole,
                months -> months < 1 ? "termMonths must be at least 1" : null);
        if (file.maxUsers() != null && file.maxUsers() < 0) {
            problem("/maxUsers", "maxUsers must be 0 or more");
        }
        List<Product> products = new ArrayList<>();
        Map<String, Timeline<BigDecimal>> prices = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        List<ProductEntry> plans = nullToEmpty(file.plans());
        List<ProductEntry> modules = nullToEmpty(file.modules());
        for (int i = 0; i < plans.size(); i++) {
            add("/plans/" + i, plans.get(i), Catalog.PLAN, products, prices, codes, true);
        }
        for (int i = 0; i < modules.size(); i++) {
            add("/modules/" + i, modules.get(i), Catalog.MODULE, products, prices, codes, true);
        }
        if (plans.isEmpty()) {
            problem("/plans", "plans must list at least one plan");
        }
        if (file.users() != null) {
            add("/users", file.users(), Catalog.USERS, products, prices, codes, true);
        }
        if (file.extension() != null) {
            add("/extension", file.extension(), Catalog.EXTENSION, products, prices, codes, false);
        }
        Map<String, Period<String>> promotions = new LinkedHashMap<>();
        List<PromotionEntry> promotionEntries = nullToEmpty(file.promotions());
        for (int i = 0; i < promotionEntries.size(); i++) {
            PromotionEntry p = promotionEntries.get(i);
            String at = "/promotions/" + i;
            if (p.code() == null || !p.code().matches("[A-Z][A-Z0-9_]*")) {
                problem(at, "promotion: code must be UPPER_SNAKE_CASE");
                continue;
            }
            LocalDate from = date(p.from(), at + "/from", "promotion " + p.code());
            LocalDate until = date(p.until(), at + "/until", "promotion " + p.code());
            if (from != null && until != null && !until.isAfter(from)) {
                problem(
                        at + "/until",
                        "promotion " + p.code() + ": until (" + until + ") must be after from (" + from + ")");
            }
            YamlSpans.Position pos = spans.key(at + "/code");
            Period<String> window =
                    new Period<>(from, until, p.code(), pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column());
            if (promotions.put(p.code(), window) != null) {
                problem(at, "promotion " + p.code() + ": listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return new Catalog(file.currency(), vatRate, term, file.maxUsers(), products, prices, promotions, null);
    }

    /** A value, or the periods of one: each checked, in date order, with neither overlap nor gap. */
    private <T> Timeline<T> timeline(
            String pointer, String what, JsonNode node, Function<JsonNode, T> parse, Function<T, String> check) {
        if (node == null || node.isNull()) {
            return Timeline.always(null);
        }
        if (!node.isArray()) {
            T value = parse.apply(node);
            if (value == null) {
                problem(pointer, what + ": not a valid value: " + node);
            } else if (check.apply(value) != null) {
                problem(pointer, check.apply(value));
            }
            return Timeline.always(value);
        }
        List<Period<T>> periods = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode p = node.get(i);
            YamlSpans.Position pos = spans.key(at + "/from");
            int line = pos == null ? 0 : pos.line();
            int column = pos == null ? 0 : pos.column();
            if (!p.isObject()) {
                problem(at, what + ": a period is {from, until, value}");
                continue;
            }
            Set<String> keys = new HashSet<>();
            p.fieldNames().forEachRemaining(keys::add);
            keys.removeAll(Set.of("from", "until", "value"));
            if (!keys.isEmpty()) {
                problem(at, what + ": a period takes from, until and value, not " + keys);
            }
            LocalDate from = date(p.get("from"), at + "/from", what);
            LocalDate until = date(p.get("until"), at + "/until", what);
            if (from != null && until != null && !until.isAfter(from)) {
                problem(at + "/until", what + ": until (" + until + ") must be after from (" + from + ")");
            }
            T value = p.get("value") == null ? null : parse.apply(p.get("value"));
            if (value == null) {
                problem(at, what + ": the period from " + from + " needs a valid value");
            } else if (check.apply(value) != null) {
                problem(at + "/value", check.apply(value));
            }
            periods.add(new Period<>(from, until, value, line, column));
        }
        periods.sort((a, b) ->
                a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
        if (periods.stream().filter(p -> p.from() == null).count() > 1) {
            problem(pointer, what + ": only the first period may leave out its from date");
            return new Timeline<>(periods);
        }
        Timeline<T> timeline = new Timeline<>(periods);
        for (String message : timeline.problems(what)) {
            problem(pointer, message);
        }
        return timeline;
    }

    private LocalDate date(JsonNode node, String pointer, String what) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            problem(pointer, what + ": " + node.asText() + " is not a date in the form YYYY-MM-DD");
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        try {
            return node.isValueNode() ? new BigDecimal(node.asText()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(JsonNode node) {
        return node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
    }

    private void add(
            String pointer,
            ProductEntry entry,
            String kind,
            List<Product> products,
            Map<String, Timeline<BigDecimal>> prices,
            Set<String> codes,
            boolean priced) {
        String where = kind.toLowerCase() + " " + (entry.code() == null ? "(no code)" : entry.code());
        if (entry.code() == null || !entry.code().matches("[A-Z][A-Z0-9_]*")) {
            problem(pointer, where + ": code must be UPPER_SNAKE_CASE");
            return;
        }
        if (!codes.add(entry.code())) {
            problem(pointer, where + ": code listed twice");
        }
        if (entry.name() == null
                || blank(entry.name().it())
                || blank(entry.name().en())) {
            problem(pointer, where + ": name needs both it and en");
        }
        if (!priced && entry.price() != null) {
            problem(pointer + "/price", where + ": takes no price (it is priced from the plan)");
        }
        if (priced && entry.price() != null && !entry.price().isNull()) {
            prices.put(
                    entry.code(),
                    timeline(
                            pointer + "/price",
                            where + " price",
                            entry.price(),
                            CatalogReader::decimal,
                            price -> price.signum() < 0 ? where + ": price must not be negative" : null));
        }
        LocalizedText name = entry.name() == null
                ? new LocalizedText(entry.code(), entry.code())
                : new LocalizedText(entry.name().it(), entry.name().en());
        products.add(new Product(entry.code(), kind, name, null));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void require(Object value, String field) {
        if (value == null) {
            problem("", field + " is required");
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
