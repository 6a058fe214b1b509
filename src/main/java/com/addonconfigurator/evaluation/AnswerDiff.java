package com.addonconfigurator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What two answers decide differently: statuses, reasons, amounts, expiry dates, steps, warnings
 * and suggestions. Texts (messages, descriptions) and bookkeeping (the ruleset version, the rules
 * that fired) are not decisions and are never compared.
 */
public final class AnswerDiff {
    private static final Set<String> NOT_DECISIONS = Set.of("rulesetVersion", "firedRules", "warningMessages");
    private static final Set<String> TEXTS = Set.of("messages", "message", "description", "warningMessages");

    private AnswerDiff() {}

    /** One field that differs, by its path in the keyed answer ({@code pricing.net}). */
    public record Change(String path, JsonNode before, JsonNode after) {
        @Override
        public String toString() {
            return path + ": " + show(before) + " → " + show(after);
        }

        private static String show(JsonNode value) {
            return value == null ? "(none)" : value.toString();
        }
    }

    /** The decisions of an answer (or error): keyed, without texts and bookkeeping. */
    public static ObjectNode decisions(JsonNode answer) {
        ObjectNode keyed = KeyedAnswer.of(answer);
        keyed.remove(NOT_DECISIONS);
        withoutTexts(keyed);
        return keyed;
    }

    /** The node with every text field removed, at any depth (and empty {@code params} with them). */
    public static void withoutTexts(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TEXTS);
            if (object.path("params").isObject() && object.path("params").isEmpty()) {
                object.remove("params");
            }
            object.elements().forEachRemaining(AnswerDiff::withoutTexts);
        }
    }

    /** Each change between two answers' decisions; a thing that appears or goes is one change. */
    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        changes("", decisions(before), decisions(after), out);
        return out;
    }

    /**
     * Each change between two whole answers, texts and bookkeeping included (only the order of
     * lists that are sets is not): what a replay must find none of.
     */
    public static List<Change> everything(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        changes("", KeyedAnswer.of(before), KeyedAnswer.of(after), out);
        if (out.isEmpty()) {
            // what the keyed shape leaves out (the order of items, say), field by field as given
            changes("", before, after, out);
        }
        return out;
    }

    private static void changes(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                changes(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), out);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && sorted(a).equals(sorted(b))) {
            return;
        }
        out.add(new Change(path, a, b));
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.toString()));
        values.sort(null);
        return values;
    }
}
