package com.addonconfigurator.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * What a customer could add to the cart, each with the status, reasons and price it would have if
 * added (or has, when already in the cart): computed by evaluating the cart with each item added.
 */
public record OptionsResponse(String rulesetVersion, LocalDate evaluationDate, List<Option> options) {

    /**
     * @param inCart   whether the item is already in the cart (then its decision is the cart's)
     * @param quantity the quantity it would have: 1 for a plan or module, one more user for users
     * @param price    its price line if accepted, else null
     */
    public record Option(
            String code,
            String kind,
            String name,
            boolean inCart,
            int quantity,
            String status,
            LocalDate expiresOn,
            List<EvaluationResponse.ReasonView> reasons,
            Price price) {}

    public record Price(String amount, Integer months, String promotion) {}
}
