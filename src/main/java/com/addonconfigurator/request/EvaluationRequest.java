package com.addonconfigurator.request;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated evaluate request, defaults applied.
 *
 * @param evaluationDate null when the request left it out (the service uses today in Europe/Rome)
 * @param platform       ANDROID, IOS, or null
 * @param account        null when the customer has no account yet
 */
public record EvaluationRequest(LocalDate evaluationDate, String channel, String platform, Account account, Cart cart) {
    public static final List<String> CHANNELS = List.of("PEC_IT_CART", "CUSTOMER_AREA", "PANEL", "MOBILE_APP");
    public static final List<String> PLATFORMS = List.of("ANDROID", "IOS");

    public record Account(
            String plan, LocalDate expiresOn, List<String> activeModules, int users, boolean contactsMatched) {}

    /** @param plan null when the cart holds no plan */
    public record Cart(
            String plan,
            List<String> modules,
            int users,
            boolean extendActiveServices,
            boolean invoiceThroughArubaPanel) {}

    public EvaluationRequest withCart(Cart other) {
        return new EvaluationRequest(evaluationDate, channel, platform, account, other);
    }

    public EvaluationRequest withEvaluationDate(LocalDate date) {
        return new EvaluationRequest(date, channel, platform, account, cart);
    }
}
