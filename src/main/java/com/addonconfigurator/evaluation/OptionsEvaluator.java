package com.addonconfigurator.evaluation;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The options policy: each plan (while the cart has none), module and users is offered with the
 * rules' own answer to the cart with that item added; nothing is decided here.
 */
final class OptionsEvaluator {
    private final EvaluationService service;
    private final Ruleset ruleset;
    private final Catalog catalog;
    private final Language language;

    /** @param day the evaluation date: the catalog in force on it says what may be added */
    OptionsEvaluator(EvaluationService service, Ruleset ruleset, LocalDate day, Language language) {
        this.service = service;
        this.ruleset = ruleset;
        this.catalog = ruleset.catalog().on(day);
        this.language = language;
    }

    /**
     * For the customer's context and cart so far: every plan (while the cart has none), module and
     * users, with the decision it would get if added. Each is the rules' own answer to the cart with
     * that item added; nothing is decided here.
     */
    OptionsResponse options(EvaluationRequest request) throws RulesFailedException {
        EvaluationRequest.Cart cart = request.cart();
        EvaluationResponse asIs = evaluate(request);
        List<OptionsResponse.Option> options = new ArrayList<>();
        if (cart.plan() == null) {
            for (var plan : catalog.productsOfKind(Catalog.PLAN)) {
                EvaluationRequest.Cart with = new EvaluationRequest.Cart(
                        plan.code(),
                        cart.modules(),
                        cart.users(),
                        cart.extendActiveServices(),
                        cart.invoiceThroughArubaPanel());
                options.add(option(evaluate(request.withCart(with)), plan.code(), false));
            }
        } else {
            options.add(option(asIs, cart.plan(), true));
        }
        for (var module : catalog.productsOfKind(Catalog.MODULE)) {
            if (cart.modules().contains(module.code())) {
                options.add(option(asIs, module.code(), true));
            } else {
                List<String> modules = new ArrayList<>(cart.modules());
                modules.add(module.code());
                EvaluationRequest.Cart with = new EvaluationRequest.Cart(
                        cart.plan(),
                        modules,
                        cart.users(),
                        cart.extendActiveServices(),
                        cart.invoiceThroughArubaPanel());
                options.add(option(evaluate(request.withCart(with)), module.code(), false));
            }
        }
        EvaluationRequest.Cart moreUsers = new EvaluationRequest.Cart(
                cart.plan(),
                cart.modules(),
                cart.users() + 1,
                cart.extendActiveServices(),
                cart.invoiceThroughArubaPanel());
        options.add(
                option(evaluate(request.withCart(moreUsers)), catalog.users().code(), cart.users() > 0));
        return new OptionsResponse(ruleset.version(), request.evaluationDate(), options);
    }

    private OptionsResponse.Option option(EvaluationResponse answer, String code, boolean inCart) {
        EvaluationResponse.ItemView item = answer.items().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + code + " in the answer"));
        OptionsResponse.Price price = answer.pricing().lines().stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .map(l -> new OptionsResponse.Price(l.amount(), l.months(), l.promotion()))
                .orElse(null);
        return new OptionsResponse.Option(
                code,
                item.kind(),
                catalog.nameOf(code, language),
                inCart,
                item.quantity(),
                item.status(),
                item.expiresOn(),
                item.reasons(),
                price);
    }

    private EvaluationResponse evaluate(EvaluationRequest request) throws RulesFailedException {
        return service.evaluate(ruleset, request, language, false);
    }
}
