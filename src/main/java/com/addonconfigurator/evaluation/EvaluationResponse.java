package com.addonconfigurator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The answer to an evaluate request, exactly as api.md specifies it. Money is a two-decimal string. */
public record EvaluationResponse(
        String rulesetVersion,
        LocalDate evaluationDate,
        boolean checkoutAllowed,
        List<ItemView> items,
        List<SuggestionView> suggestions,
        PricingView pricing,
        LocalDate accountExpiresOn,
        List<StepView> nextSteps,
        List<WarningView> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FiredRuleView> firedRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DerivedFactView> derivedFacts) {

    /**
     * The same answer as an evaluation without {@code explain} gives: no fired rules, no derived
     * facts, and no rule behind each decision.
     */
    public EvaluationResponse withoutExplanation() {
        return new EvaluationResponse(
                rulesetVersion,
                evaluationDate,
                checkoutAllowed,
                items.stream()
                        .map(i -> new ItemView(
                                i.code(),
                                i.kind(),
                                i.quantity(),
                                i.status(),
                                i.expiresOn(),
                                i.reasons().stream()
                                        .map(r -> new ReasonView(r.code(), r.message(), r.params(), null))
                                        .toList()))
                        .toList(),
                suggestions.stream()
                        .map(s -> new SuggestionView(s.action(), s.code(), s.message(), null))
                        .toList(),
                new PricingView(
                        pricing.currency(),
                        pricing.lines().stream()
                                .map(l -> new LineView(
                                        l.code(),
                                        l.quantity(),
                                        l.months(),
                                        l.amount(),
                                        l.promotion(),
                                        l.description(),
                                        null))
                                .toList(),
                        pricing.net(),
                        pricing.vatRate(),
                        pricing.vat(),
                        pricing.gross()),
                accountExpiresOn,
                nextSteps.stream()
                        .map(n -> new StepView(n.item(), n.order(), n.code(), n.webPanelOnly(), n.message(), null))
                        .toList(),
                warnings.stream()
                        .map(w -> new WarningView(w.code(), w.message(), w.params(), null))
                        .toList(),
                null,
                null);
    }

    public record ItemView(
            String code, String kind, int quantity, String status, LocalDate expiresOn, List<ReasonView> reasons) {}

    public record ReasonView(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> params,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {}

    public record SuggestionView(
            String action,
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {}

    public record PricingView(
            String currency, List<LineView> lines, String net, String vatRate, String vat, String gross) {}

    public record LineView(
            String code,
            int quantity,
            Integer months,
            String amount,
            String promotion,
            String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {}

    public record StepView(
            String item,
            int order,
            String code,
            boolean webPanelOnly,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {}

    public record WarningView(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> params,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {}

    public record FiredRuleView(String rule, String file) {}

    /** A fact a rule derived, with its values, so that an analyst can follow the reasoning. */
    public record DerivedFactView(String fact, Map<String, Object> values, String rule) {}
}
