package com.addonconfigurator.evaluation;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.facts.Account;
import com.addonconfigurator.rules.facts.CartOptions;
import com.addonconfigurator.rules.facts.Evaluation;
import com.addonconfigurator.rules.facts.Item;
import java.util.ArrayList;
import java.util.List;

/** Turns a validated request into the facts the rules read. No decision is taken here. */
public final class FactMapper {
    private FactMapper() {}

    /** @param request with its evaluation date set */
    public static List<Object> facts(EvaluationRequest request, Catalog catalog) {
        return facts(request, catalog, items(request.cart(), catalog));
    }

    /** @param items the cart's items, as {@link #items} gives them */
    public static List<Object> facts(EvaluationRequest request, Catalog catalog, List<Item> items) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Evaluation(request.evaluationDate(), request.channel(), request.platform()));
        EvaluationRequest.Account a = request.account();
        if (a != null) {
            facts.add(new Account(a.plan(), a.expiresOn(), a.activeModules(), a.users(), a.contactsMatched()));
        }
        EvaluationRequest.Cart cart = request.cart();
        facts.add(new CartOptions(cart.extendActiveServices(), cart.invoiceThroughArubaPanel()));
        facts.addAll(items);
        return facts;
    }

    /** The cart's items in answer order: the plan, modules in request order, then users. */
    public static List<Item> items(EvaluationRequest.Cart cart, Catalog catalog) {
        List<Item> items = new ArrayList<>();
        if (cart.plan() != null) {
            items.add(new Item(cart.plan(), Item.PLAN, 1, items.size()));
        }
        for (String module : cart.modules()) {
            items.add(new Item(module, Item.MODULE, 1, items.size()));
        }
        if (cart.users() > 0) {
            items.add(new Item(catalog.users().code(), Item.USERS, cart.users(), items.size()));
        }
        return items;
    }
}
