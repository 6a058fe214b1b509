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
