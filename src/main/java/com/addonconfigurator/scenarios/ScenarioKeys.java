package com.addonconfigurator.scenarios;

import com.addonconfigurator.request.RequestValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a scenario file may hold, at every depth: the file's, a scenario's, an evaluate request's
 * ({@code defaults}, {@code given}) and an expected answer's ({@code expect}, in the keyed shape).
 * A key outside them is a typo that would otherwise check nothing.
 */
final class ScenarioKeys {
    /** Keys of a map: each known key's own keys (null: any value), and those of any other key (codes). */
    record Keys(Map<String, Keys> known, Keys anyKey) {
        static Keys leaf() {
            return null;
        }

        static Keys of(Object... pairs) {
            Map<String, Keys> known = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                known.put((String) pairs[i], (Keys) pairs[i + 1]);
            }
            return new Keys(known, null);
        }

        static Keys byCode(Keys each) {
            return new Keys(Map.of(), each);
        }

        static Keys names(Set<String> names) {
            Map<String, Keys> known = new LinkedHashMap<>();
            names.forEach(n -> known.put(n, null));
            return new Keys(known, null);
        }
    }

    static final Keys REQUEST = request();
    static final Keys SCENARIO = Keys.of(
            "name",
            null,
            "covers",
            null,
            "tags",
            null,
            "language",
            null,
            "explain",
            null,
            "endpoint",
            null,
            "given",
            REQUEST,
            "expect",
            null);
    static final Keys FILE = Keys.of("defaults", REQUEST, "scenarios", null);
    static final Keys EXPECT_EVALUATE = Keys.of(
            "rulesetVersion",
            null,
            "evaluationDate",
            null,
            "checkoutAllowed",
            null,
            "accountExpiresOn",
            null,
            "items",
            Keys.byCode(Keys.of(
                    "kind",
                    null,
                    "quantity",
                    null,
                    "status",
                    null,
                    "expiresOn",
                    null,
                    "reasons",
                    null,
                    "messages",
                    null,
                    "params",
                    null)),
            "suggestions",
            null,
            "pricing",
            Keys.of(
                    "currency",
                    null,
                    "net",
                    null,
                    "vatRate",
                    null,
                    "vat",
                    null,
                    "gross",
                    null,
                    "lines",
                    Keys.byCode(Keys.of(
                            "quantity", null, "months", null, "amount", null, "promotion", null, "description", null))),
            "nextSteps",
            Keys.byCode(Keys.of("item", null, "order", null, "webPanelOnly", null, "message", null)),
            "warnings",
            null,
            "warningMessages",
            null,
            "firedRules",
            null,
            "error",
            error());
    static final Keys EXPECT_OPTIONS = Keys.of(
            "rulesetVersion",
            null,
            "evaluationDate",
            null,
            "error",
            error(),
            "options",
            Keys.byCode(Keys.of(
                    "kind",
                    null,
                    "name",
                    null,
                    "inCart",
                    null,
                    "quantity",
                    null,
                    "status",
                    null,
                    "expiresOn",
                    null,
                    "reasons",
                    null,
                    "price",
                    Keys.of("amount", null, "months", null, "promotion", null))));

    private ScenarioKeys() {}

    private static Keys request() {
        Map<String, Keys> known = new LinkedHashMap<>();
        RequestValidator.ROOT_FIELDS.forEach(f -> known.put(f, null));
        known.put("account", Keys.names(RequestValidator.ACCOUNT_FIELDS));
        known.put("cart", Keys.names(RequestValidator.CART_FIELDS));
        return new Keys(known, null);
    }

    private static Keys error() {
        return Keys.of("code", null, "field", null, "fields", null, "message", null, "details", null);
    }

    /** An unknown key: its pointer and the keys that would be known there. */
    record Unknown(String pointer, String key, Set<String> expected) {}

    /** Every key of the node (at {@code pointer}) that the keys do not know, depth first. */
    static List<Unknown> unknown(JsonNode node, Keys keys, String pointer) {
        List<Unknown> out = new ArrayList<>();
        collect(node, keys, pointer, out);
        return out;
    }

    private static void collect(JsonNode node, Keys keys, String pointer, List<Unknown> out) {
        if (keys == null || node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String at = pointer + YamlSpans.segment(key);
            if (keys.known().containsKey(key)) {
                collect(node.get(key), keys.known().get(key), at, out);
            } else if (keys.anyKey() != null) {
                collect(node.get(key), keys.anyKey(), at, out);
            } else {
                out.add(new Unknown(at, key, new TreeSet<>(keys.known().keySet())));
            }
        }
    }
}
