package com.addonconfigurator.scenarios;

import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.yaml.YamlSpans;
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
        static Keys of(Object... pairs) {
            Map<String, Keys> known = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                known.put((String) pairs[i], (Keys) pairs[i + 1]);
            }
            return new Keys(known, null);
        }

        /** A map whose keys take any value. */
        static Keys leaves(String... names) {
            return names(Set.of(names));
        }

        /** These keys, and one more whose value has keys of its own. */
        Keys with(String key, Keys keys) {
            Map<String, Keys> more = new LinkedHashMap<>(known);
            more.put(key, keys);
            return new Keys(more, anyKey);
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
            "moves",
            null,
            "given",
            REQUEST,
            "expect",
            null);
    static final Keys FILE = Keys.of("defaults", REQUEST, "scenarios", null);
    static final Keys EXPECT_EVALUATE = Keys.leaves(
                    "rulesetVersion",
                    "evaluationDate",
                    "checkoutAllowed",
                    "accountExpiresOn",
                    "suggestions",
                    "warnings",
                    "warningMessages",
                    "firedRules")
            .with(
                    "items",
                    Keys.byCode(
                            Keys.leaves("kind", "quantity", "status", "expiresOn", "reasons", "messages", "params")))
            .with(
                    "pricing",
                    Keys.leaves("currency", "net", "vatRate", "vat", "gross")
                            .with(
                                    "lines",
                                    Keys.byCode(
                                            Keys.leaves("quantity", "months", "amount", "promotion", "description"))))
            .with("nextSteps", Keys.byCode(Keys.leaves("item", "order", "webPanelOnly", "message")))
            .with("error", error());
    static final Keys EXPECT_OPTIONS = Keys.leaves("rulesetVersion", "evaluationDate")
            .with("error", error())
            .with(
                    "options",
                    Keys.byCode(Keys.leaves("kind", "name", "inCart", "quantity", "status", "expiresOn", "reasons")
                            .with("price", Keys.leaves("amount", "months", "promotion"))));

    private ScenarioKeys() {}

    private static Keys request() {
        Map<String, Keys> known = new LinkedHashMap<>();
        RequestValidator.ROOT_FIELDS.forEach(f -> known.put(f, null));
        known.put("account", Keys.names(RequestValidator.ACCOUNT_FIELDS));
        known.put("cart", Keys.names(RequestValidator.CART_FIELDS));
        return new Keys(known, null);
    }

    private static Keys error() {
        return Keys.leaves("code", "field", "fields", "message", "details");
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
