package com.addonconfigurator.evaluation;

import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.messages.Messages;
import com.addonconfigurator.rules.Decisions;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.facts.AccountExpiry;
import com.addonconfigurator.rules.facts.Accepted;
import com.addonconfigurator.rules.facts.CheckoutAllowed;
import com.addonconfigurator.rules.facts.Item;
import com.addonconfigurator.rules.facts.ItemExpiry;
import com.addonconfigurator.rules.facts.JudgedPlan;
import com.addonconfigurator.rules.facts.NextStep;
import com.addonconfigurator.rules.facts.PriceLine;
import com.addonconfigurator.rules.facts.Reason;
import com.addonconfigurator.rules.facts.Suggestion;
import com.addonconfigurator.rules.facts.Totals;
import com.addonconfigurator.rules.facts.Warning;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Evaluates a cart: validates the request against the active ruleset's catalog, turns it into facts,
 * runs the rules and reads the decisions back into the API's response. Knows nothing of HTTP.
 */
public final class EvaluationService {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final Supplier<Ruleset> activeRuleset;
    private final RuleEngine engine;
    private final Clock clock;

    public EvaluationService(Supplier<Ruleset> activeRuleset, RuleEngine engine, Clock clock) {
        this.activeRuleset = activeRuleset;
        this.engine = engine;
        this.clock = clock;
    }

    public EvaluationResponse evaluate(JsonNode body, Language language, boolean explain)
            throws NotReadyException, InvalidRequestException, RulesFailedException {
        Ruleset ruleset = activeRuleset.get();
        if (ruleset == null) {
            throw new NotReadyException();
        }
        EvaluationRequest request = new RequestValidator(ruleset.catalog()).validate(body);
        return evaluate(ruleset, request, language, explain);
    }

    /**
     * For the customer's context and cart so far: every plan (while the cart has none), module and
     * users, with the decision it would get if added. Each is the rules' own answer to the cart with
     * that item added; nothing is decided here.
     */
    public OptionsResponse options(JsonNode body, Language language)
            throws NotReadyException, InvalidRequestException, RulesFailedException {
        Ruleset ruleset = activeRuleset.get();
        if (ruleset == null) {
            throw new NotReadyException();
        }
        EvaluationRequest request = new RequestValidator(ruleset.catalog()).validate(body);
        if (request.evaluationDate() == null) {
            request = request.withEvaluationDate(LocalDate.now(clock.withZone(ROME)));
        }
        Catalog catalog = ruleset.catalog();
        EvaluationRequest.Cart cart = request.cart();
        EvaluationResponse asIs = evaluate(ruleset, request, language, false);
        List<OptionsResponse.Option> options = new ArrayList<>();
        if (cart.plan() == null) {
            for (var plan : catalog.productsOfKind(Catalog.PLAN)) {
                EvaluationRequest.Cart with = new EvaluationRequest.Cart(plan.code(), cart.modules(), cart.users(),
                        cart.extendActiveServices(), cart.invoiceThroughArubaPanel());
                options.add(option(evaluate(ruleset, request.withCart(with), language, false), plan.code(), false, catalog, language));
            }
        } else {
            options.add(option(asIs, cart.plan(), true, catalog, language));
        }
        for (var module : catalog.productsOfKind(Catalog.MODULE)) {
            if (cart.modules().contains(module.code())) {
                options.add(option(asIs, module.code(), true, catalog, language));
            } else {
                List<String> modules = new ArrayList<>(cart.modules());
                modules.add(module.code());
                EvaluationRequest.Cart with = new EvaluationRequest.Cart(cart.plan(), modules, cart.users(),
                        cart.extendActiveServices(), cart.invoiceThroughArubaPanel());
                options.add(option(evaluate(ruleset, request.withCart(with), language, false), module.code(), false, catalog, language));
            }
        }
        EvaluationRequest.Cart moreUsers = new EvaluationRequest.Cart(cart.plan(), cart.modules(), cart.users() + 1,
                cart.extendActiveServices(), cart.invoiceThroughArubaPanel());
        options.add(option(evaluate(ruleset, request.withCart(moreUsers), language, false), catalog.users().code(),
                cart.users() > 0, catalog, language));
        return new OptionsResponse(ruleset.version(), request.evaluationDate(), options);
    }

    private static OptionsResponse.Option option(EvaluationResponse answer, String code, boolean inCart, Catalog catalog,
                                                 Language language) {
        EvaluationResponse.ItemView item = answer.items().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + code + " in the answer"));
        OptionsResponse.Price price = answer.pricing().lines().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(l -> new OptionsResponse.Price(l.amount(), l.months(), l.promotion())).orElse(null);
        return new OptionsResponse.Option(code, item.kind(), catalog.nameOf(code, language), inCart, item.quantity(),
                item.status(), item.expiresOn(), item.reasons(), price);
    }

    public EvaluationResponse evaluate(Ruleset ruleset, EvaluationRequest request, Language language, boolean explain)
            throws RulesFailedException {
        if (request.evaluationDate() == null) {
            request = request.withEvaluationDate(LocalDate.now(clock.withZone(ROME)));
        }
        Catalog catalog = ruleset.catalog();
        List<Item> items = FactMapper.items(request.cart(), catalog);
        Decisions decisions = engine.run(ruleset, FactMapper.facts(request, catalog, items), explain);
        return new View(ruleset, request, decisions, items, language).response(explain);
    }

    /** Reads one evaluation's decisions into the response, in the contract's order. */
    private static final class View {
        private final Ruleset ruleset;
        private final EvaluationRequest request;
        private final Decisions decisions;
        private final List<Item> items;
        private final Language language;
        private final Messages messages;
        private final Catalog catalog;
        private final Map<String, Integer> position = new HashMap<>();

        View(Ruleset ruleset, EvaluationRequest request, Decisions decisions, List<Item> items, Language language) {
            this.ruleset = ruleset;
            this.request = request;
            this.decisions = decisions;
            this.items = items;
            this.language = language;
            this.messages = ruleset.messages();
            this.catalog = ruleset.catalog();
            for (Item item : items) {
                position.put(item.getCode(), item.getPosition());
            }
        }

        EvaluationResponse response(boolean explain) {
            AccountExpiry accountExpiry = decisions.one(AccountExpiry.class);
            return new EvaluationResponse(
                    ruleset.version(),
                    request.evaluationDate(),
                    decisions.one(CheckoutAllowed.class) != null,
                    items(),
                    suggestions(),
                    pricing(),
                    accountExpiry == null ? null : accountExpiry.getDate(),
                    steps(),
                    warnings(),
                    explain ? firedRules() : null,
                    explain ? derivedFacts() : null);
        }

        private List<EvaluationResponse.ItemView> items() {
            Set<String> accepted = new HashSet<>();
            for (Accepted a : decisions.all(Accepted.class)) {
                accepted.add(a.getCode());
            }
            Map<String, LocalDate> expiry = new HashMap<>();
            for (ItemExpiry e : decisions.all(ItemExpiry.class)) {
                expiry.put(e.getItem(), e.getDate());
            }
            Map<String, List<Reason>> reasons = new HashMap<>();
            for (Reason r : decisions.all(Reason.class)) {
                reasons.computeIfAbsent(r.getItem(), k -> new ArrayList<>()).add(r);
            }
            List<EvaluationResponse.ItemView> out = new ArrayList<>();
            for (Item item : items) {
                List<Reason> mine = reasons.getOrDefault(item.getCode(), new ArrayList<>());
                mine.sort(Comparator.comparing(Reason::getCode));
                List<EvaluationResponse.ReasonView> views = new ArrayList<>();
                for (Reason r : mine) {
                    Map<String, Object> values = values(r.getParams());
                    values.put("item", catalog.nameOf(item.getCode(), language));
                    views.add(new EvaluationResponse.ReasonView(r.getCode(),
                            messages.render("reasons", r.getCode(), language, values),
                            r.getParams(), decisions.ruleOf(r)));
                }
                boolean isAccepted = accepted.contains(item.getCode());
                out.add(new EvaluationResponse.ItemView(item.getCode(), item.getKind(), item.getQuantity(),
                        isAccepted ? "ACCEPTED" : "REJECTED", isAccepted ? expiry.get(item.getCode()) : null,
                        views));
            }
            return out;
        }

        private List<EvaluationResponse.SuggestionView> suggestions() {
            List<Suggestion> all = decisions.all(Suggestion.class);
            all.sort(Comparator.comparing(Suggestion::getAction).thenComparing(Suggestion::getCode));
            List<EvaluationResponse.SuggestionView> out = new ArrayList<>();
            for (Suggestion s : all) {
                Map<String, Object> values = new HashMap<>();
                values.put("code", catalog.nameOf(s.getCode(), language));
                values.put("for", catalog.nameOf(s.getForItem(), language));
                out.add(new EvaluationResponse.SuggestionView(s.getAction(), s.getCode(),
                        messages.render("suggestions", s.getAction(), language, values), decisions.ruleOf(s)));
            }
            return out;
        }

        private EvaluationResponse.PricingView pricing() {
            List<PriceLine> lines = decisions.all(PriceLine.class);
            lines.sort(Comparator.comparingInt((PriceLine l) -> position.getOrDefault(l.getCode(), Integer.MAX_VALUE))
                    .thenComparing(PriceLine::getCode));
            JudgedPlan plan = decisions.one(JudgedPlan.class);
            List<EvaluationResponse.LineView> views = new ArrayList<>();
            for (PriceLine l : lines) {
                Map<String, Object> values = new HashMap<>();
                values.put("item", catalog.nameOf(l.getCode(), language));
                values.put("quantity", l.getQuantity());
                values.put("months", l.getMonths());
                values.put("term", catalog.getTermMonths());
                values.put("plan", plan == null ? "" : catalog.nameOf(plan.getCode(), language));
                String description = messages.render("lines", l.getKind(), language, values);
                if (l.getPromotion() != null) {
                    description += " (" + messages.render("promotions", l.getPromotion(), language, values) + ")";
                }
                views.add(new EvaluationResponse.LineView(l.getCode(), l.getQuantity(), l.getMonths(),
                        money(l.getAmount()), l.getPromotion(), description, decisions.ruleOf(l)));
            }
            Totals totals = decisions.one(Totals.class);
            BigDecimal zero = BigDecimal.ZERO;
            return new EvaluationResponse.PricingView(catalog.getCurrency(), views,
                    money(totals == null ? zero : totals.getNet()),
                    (totals == null ? catalog.getVatRate() : totals.getVatRate()).toPlainString(),
                    money(totals == null ? zero : totals.getVat()),
                    money(totals == null ? zero : totals.getGross()));
        }

        private List<EvaluationResponse.StepView> steps() {
            List<NextStep> all = decisions.all(NextStep.class);
            all.sort(Comparator.comparingInt((NextStep s) -> position.getOrDefault(s.getItem(), Integer.MAX_VALUE))
                    .thenComparingInt(NextStep::getOrder));
            List<EvaluationResponse.StepView> out = new ArrayList<>();
            for (NextStep s : all) {
                Map<String, Object> values = new HashMap<>();
                values.put("item", catalog.nameOf(s.getItem(), language));
                out.add(new EvaluationResponse.StepView(s.getItem(), s.getOrder(), s.getCode(), s.isWebPanelOnly(),
                        messages.render("steps", s.getCode(), language, values), decisions.ruleOf(s)));
            }
            return out;
        }

        private List<EvaluationResponse.WarningView> warnings() {
            List<Warning> all = decisions.all(Warning.class);
            all.sort(Comparator.comparing(Warning::getCode));
            List<EvaluationResponse.WarningView> out = new ArrayList<>();
            for (Warning w : all) {
                out.add(new EvaluationResponse.WarningView(w.getCode(),
                        messages.render("warnings", w.getCode(), language, values(w.getParams())),
                        w.getParams(), decisions.ruleOf(w)));
            }
            return out;
        }

        private List<EvaluationResponse.FiredRuleView> firedRules() {
            List<EvaluationResponse.FiredRuleView> out = new ArrayList<>();
            for (String rule : decisions.firedRules()) {
                out.add(new EvaluationResponse.FiredRuleView(rule, ruleset.ruleFile().getOrDefault(rule, ".")));
            }
            return out;
        }

        private List<EvaluationResponse.DerivedFactView> derivedFacts() {
            List<EvaluationResponse.DerivedFactView> out = new ArrayList<>();
            for (Object fact : decisions.derived()) {
                out.add(new EvaluationResponse.DerivedFactView(fact.getClass().getSimpleName(), FactValues.of(fact),
                        decisions.ruleOf(fact)));
            }
            return out;
        }

        /** Message values: params as given, product codes shown as the product's name. */
        private Map<String, Object> values(Map<String, Object> params) {
            Map<String, Object> values = new LinkedHashMap<>();
            params.forEach((k, v) -> values.put(k,
                    v instanceof String s && catalog.product(s) != null ? catalog.nameOf(s, language) : v));
            return values;
        }

        private static String money(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }
}
