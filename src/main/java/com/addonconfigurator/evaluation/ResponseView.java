package com.addonconfigurator.evaluation;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.messages.Messages;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.Decisions;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.facts.Accepted;
import com.addonconfigurator.rules.facts.AccountExpiry;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one evaluation's decisions into the response, in the contract's order. */
final class ResponseView {
    private final Ruleset ruleset;
    private final EvaluationRequest request;
    private final Decisions decisions;
    private final List<Item> items;
    private final Language language;
    private final Messages messages;
    private final Catalog catalog;
    private final Map<String, Integer> position = new HashMap<>();

    /** @param catalog the catalog in force on the request's evaluation date */
    ResponseView(
            Ruleset ruleset,
            Catalog catalog,
            EvaluationRequest request,
            Decisions decisions,
            List<Item> items,
            Language language) {
        this.ruleset = ruleset;
        this.request = request;
        this.decisions = decisions;
        this.items = items;
        this.language = language;
        this.messages = ruleset.messages();
        this.catalog = catalog;
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
                views.add(new EvaluationResponse.ReasonView(
                        r.getCode(),
                        messages.render("reasons", r.getCode(), language, values),
                        r.getParams(),
                        decisions.ruleOf(r)));
            }
            boolean isAccepted = accepted.contains(item.getCode());
            out.add(new EvaluationResponse.ItemView(
                    item.getCode(),
                    item.getKind(),
                    item.getQuantity(),
                    isAccepted ? "ACCEPTED" : "REJECTED",
                    isAccepted ? expiry.get(item.getCode()) : null,
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
            out.add(new EvaluationResponse.SuggestionView(
                    s.getAction(),
                    s.getCode(),
                    messages.render("suggestions", s.getAction(), language, values),
                    decisions.ruleOf(s)));
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
            views.add(new EvaluationResponse.LineView(
                    l.getCode(),
                    l.getQuantity(),
                    l.getMonths(),
                    money(l.getAmount()),
                    l.getPromotion(),
                    description,
                    decisions.ruleOf(l)));
        }
        Totals totals = decisions.one(Totals.class);
        BigDecimal zero = BigDecimal.ZERO;
        return new EvaluationResponse.PricingView(
                catalog.getCurrency(),
                views,
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
            out.add(new EvaluationResponse.StepView(
                    s.getItem(),
                    s.getOrder(),
                    s.getCode(),
                    s.isWebPanelOnly(),
                    messages.render("steps", s.getCode(), language, values),
                    decisions.ruleOf(s)));
        }
        return out;
    }

    private List<EvaluationResponse.WarningView> warnings() {
        List<Warning> all = decisions.all(Warning.class);
        all.sort(Comparator.comparing(Warning::getCode));
        List<EvaluationResponse.WarningView> out = new ArrayList<>();
        for (Warning w : all) {
            out.add(new EvaluationResponse.WarningView(
                    w.getCode(),
                    messages.render("warnings", w.getCode(), language, values(w.getParams())),
                    w.getParams(),
                    decisions.ruleOf(w)));
        }
        return out;
    }

    private List<EvaluationResponse.FiredRuleView> firedRules() {
        List<EvaluationResponse.FiredRuleView> out = new ArrayList<>();
        for (String rule : decisions.firedRules()) {
            out.add(new EvaluationResponse.FiredRuleView(
                    rule, ruleset.ruleFile().getOrDefault(rule, ".")));
        }
        return out;
    }

    private List<EvaluationResponse.DerivedFactView> derivedFacts() {
        List<EvaluationResponse.DerivedFactView> out = new ArrayList<>();
        for (Object fact : decisions.derived()) {
            out.add(new EvaluationResponse.DerivedFactView(
                    fact.getClass().getSimpleName(), FactValues.of(fact), decisions.ruleOf(fact)));
        }
        return out;
    }

    /** Message values: params as given, product codes shown as the product's name. */
    private Map<String, Object> values(Map<String, Object> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((k, v) ->
                values.put(k, v instanceof String s && catalog.product(s) != null ? catalog.nameOf(s, language) : v));
        return values;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
