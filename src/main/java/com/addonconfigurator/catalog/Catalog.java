package com.addonconfigurator.catalog;

import com.addonconfigurator.messages.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysts' catalog: products with their prices and names, VAT rate, term, maximum users and
 * promotions. A price, the VAT rate, the term and a promotion may change on dates ({@link
 * Timeline}); {@link #on(LocalDate)} gives the catalog in force on a day, which is what the rules
 * read as the global {@code catalog}. Immutable.
 */
public final class Catalog {
    public static final String PLAN = "PLAN";
    public static final String MODULE = "MODULE";
    public static final String USERS = "USERS";
    public static final String EXTENSION = "EXTENSION";
    /** Days whose catalog is kept built; past it the kept ones are dropped and built again on demand. */
    private static final int KEPT_DAYS = 400;

    private final String currency;
    private final Timeline<BigDecimal> vatRate;
    private final Timeline<Integer> termMonths;
    private final int maxUsers;
    private final Map<String, Product> products;
    private final Map<String, Timeline<BigDecimal>> prices;
    private final Map<String, Period<String>> promotions;
    private final Product users;
    private final Map<String, List<String>> codesByKind;
    /** The day this catalog is in force on; null for the whole catalog, all its periods. */
    private final LocalDate day;
    /** Read by every request's validation: worked out once. */
    private final int maxTermMonths;

    private final LocalDate firstDay;

    private final Map<LocalDate, Catalog> byDay = new ConcurrentHashMap<>();

    /** A catalog whose values never change. */
    public Catalog(String currency, BigDecimal vatRate, int termMonths, int maxUsers, List<Product> products) {
        this(
                currency,
                Timeline.always(vatRate),
                Timeline.always(termMonths),
                maxUsers,
                products,
                constantPrices(products),
                Map.of(),
                null);
    }

    /**
     * @param prices     each priced product's price over time (a product's own {@code price} is ignored)
     * @param promotions each promotion's window by its code (the value is the code)
     */
    public Catalog(
            String currency,
            Timeline<BigDecimal> vatRate,
            Timeline<Integer> termMonths,
            int maxUsers,
            List<Product> products,
            Map<String, Timeline<BigDecimal>> prices,
            Map<String, Period<String>> promotions,
            LocalDate day) {
        this.currency = currency;
        this.vatRate = vatRate;
        this.termMonths = termMonths;
        this.maxUsers = maxUsers;
        this.prices = Map.copyOf(prices);
        this.promotions = Collections.unmodifiableMap(new LinkedHashMap<>(promotions));
        this.day = day;
        Map<String, Product> byCode = new LinkedHashMap<>();
        for (Product p : products) {
            Timeline<BigDecimal> price = prices.get(p.code());
            BigDecimal value = price == null ? null : day == null ? price.constant() : price.at(day);
            byCode.put(p.code(), new Product(p.code(), p.kind(), p.name(), value));
        }
        this.products = Collections.unmodifiableMap(byCode);
        this.users = productsOfKind(USERS).stream().findFirst().orElse(null);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Product p : products) {
            codes.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p.code());
        }
        codes.replaceAll((k, v) -> List.copyOf(v));
        this.codesByKind = Map.copyOf(codes);
        this.maxTermMonths =
                termMonths.periods().stream().mapToInt(Period::value).max().orElse(0);
        this.firstDay = firstDay(prices.values(), vatRate, termMonths);
    }

    private static LocalDate firstDay(
            Collection<Timeline<BigDecimal>> prices, Timeline<?> vatRate, Timeline<?> termMonths) {
        List<Timeline<?>> all = new ArrayList<>(prices);
        all.add(vatRate);
        all.add(termMonths);
        LocalDate first = null;
        for (Timeline<?> t : all) {
            LocalDate start = t.start();
            if (start != null && (first == null || start.isAfter(first))) {
                first = start;
            }
        }
        return first;
    }

    private static Map<String, Timeline<BigDecimal>> constantPrices(List<Product> products) {
        Map<String, Timeline<BigDecimal>> out = new LinkedHashMap<>();
        products.stream().filter(p -> p.price() != null).forEach(p -> out.put(p.code(), Timeline.always(p.price())));
        return out;
    }

    /** The catalog in force on a day: every price, rate, term and promotion as it is that day. */
    public Catalog on(LocalDate date) {
        if (date.equals(day)) {
            return this;
        }
        Catalog dated = byDay.get(date);
        if (dated == null) {
            if (byDay.size() > KEPT_DAYS) {
                byDay.clear();
            }
            dated = new Catalog(
                    currency, vatRate, termMonths, maxUsers, List.copyOf(products.values()), prices, promotions, date);
            byDay.put(date, dated);
        }
        return dated;
    }

    /** The day this catalog is in force on, or null for the whole catalog. */
    public LocalDate day() {
        return day;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getVatRate() {
        return value(vatRate, "the VAT rate");
    }

    public int getTermMonths() {
        return value(termMonths, "the term");
    }

    public int getMaxUsers() {
        return maxUsers;
    }

    private <T> T value(Timeline<T> timeline, String what) {
        T value = day == null ? timeline.constant() : timeline.at(day);
        if (value == null) {
            throw new IllegalStateException(
                    day == null
                            ? what + " changes over time: read it on a date"
                            : "the catalog has no " + what + " on " + day);
        }
        return value;
    }

    /** The list price of a product; fails loudly when a rule prices something the catalog does not. */
    public BigDecimal price(String code) {
        Product p = products.get(code);
        if (p == null || p.price() == null) {
            throw new IllegalStateException("the catalog has no price for " + code + (day == null ? "" : " on " + day));
        }
        return p.price();
    }

    /**
     * Whether a promotion is in force on this catalog's day; fails loudly for a promotion the catalog
     * does not list (a misspelt code would otherwise quietly never, or always, apply).
     */
    public boolean promotionInForce(String code) {
        Period<String> window = promotions.get(code);
        if (window == null) {
            throw new IllegalStateException("the catalog lists no promotion " + code);
        }
        if (day == null) {
            throw new IllegalStateException("promotions are in force on a date: read them on one");
        }
        return window.covers(day);
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

    /** The longest term any period gives. */
    public int maxTermMonths() {
        return maxTermMonths;
    }

    /** The first day on which every value is in force (null: every value always was). */
    public LocalDate firstDay() {
        return firstDay;
    }

    public Timeline<BigDecimal> vatRateTimeline() {
        return vatRate;
    }

    public Timeline<Integer> termTimeline() {
        return termMonths;
    }

    /** Each priced product's price over time, in catalog order. */
    public Map<String, Timeline<BigDecimal>> priceTimelines() {
        Map<String, Timeline<BigDecimal>> out = new LinkedHashMap<>();
        products.keySet().stream().filter(prices::containsKey).forEach(c -> out.put(c, prices.get(c)));
        return out;
    }

    /** Each promotion's window, by its code. */
    public Map<String, Period<String>> promotions() {
        return promotions;
    }

    /** Every date on which a price, the VAT rate, the term or a promotion starts or ends. */
    public TreeSet<LocalDate> boundaries() {
        TreeSet<LocalDate> out = new TreeSet<>();
        prices.values().forEach(t -> out.addAll(t.boundaries()));
        out.addAll(vatRate.boundaries());
        out.addAll(termMonths.boundaries());
        for (Period<String> p : promotions.values()) {
            if (p.from() != null) {
                out.add(p.from());
            }
            if (p.until() != null) {
                out.add(p.until());
            }
        }
        return out;
    }
}
