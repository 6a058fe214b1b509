package com.addonconfigurator.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares a scenario's partial {@code expect} with an answer. The answer is first keyed: items,
 * price lines and steps by code; reasons and warnings as lists of codes. Then only what is written
 * is checked; a list is compared as an exact set ({@code firedRules}: must include); {@code absent}
 * asserts that a key is not there.
 */
public final class Expectations {
    public static final String ABSENT = "absent";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Expectations() {}

    /** The answer (or error) in the keyed shape scenarios are written against. */
    public static ObjectNode keyed(JsonNode response) {
        ObjectNode out = MAPPER.createObjectNode();
        if (response.has("error")) {
            out.set("error", response.get("error").deepCopy());
            return out;
        }
        for (String field : List.of("rulesetVersion", "evaluationDate", "checkoutAllowed", "accountExpiresOn")) {
            out.set(field, response.get(field));
        }
        ObjectNode items = out.putObject("items");
        for (JsonNode item : response.path("items")) {
            ObjectNode k = items.putObject(item.path("code").asText());
            for (String field : List.of("kind", "quantity", "status", "expiresOn")) {
                k.set(field, item.get(field));
            }
            ArrayNode reasons = k.putArray("reasons");
            ObjectNode messages = k.putObject("messages");
            ObjectNode params = k.putObject("params");
            for (JsonNode r : item.path("reasons")) {
                reasons.add(r.path("code").asText());
                messages.set(r.path("code").asText(), r.get("message"));
                if (r.has("params")) {
                    params.set(r.path("code").asText(), r.get("params"));
                }
            }
        }
        ArrayNode suggestions = out.putArray("suggestions");
        for (JsonNode s : response.path("suggestions")) {
            suggestions
                    .addObject()
                    .put("action", s.path("action").asText())
                    .put("code", s.path("code").asText());
        }
        ObjectNode pricing = out.putObject("pricing");
        JsonNode p = response.path("pricing");
        for (String field : List.of("currency", "net", "vatRate", "vat", "gross")) {
            pricing.set(field, p.get(field));
        }
        ObjectNode lines = pricing.putObject("lines");
        for (JsonNode line : p.path("lines")) {
            ObjectNode k = lines.putObject(line.path("code").asText());
            for (String field : List.of("quantity", "months", "amount", "promotion", "description")) {
                k.set(field, line.get(field));
            }
        }
        ObjectNode steps = out.putObject("nextSteps");
        for (JsonNode s : response.path("nextSteps")) {
            ObjectNode k = steps.putObject(s.path("code").asText());
            for (String field : List.of("item", "order", "webPanelOnly", "message")) {
                k.set(field, s.get(field));
            }
        }
        ArrayNode warnings = out.putArray("warnings");
        ObjectNode warningMessages = out.putObject("warningMessages");
        for (JsonNode w : response.path("warnings")) {
            warnings.add(w.path("code").asText());
            warningMessages.set(w.path("code").asText(), w.get("message"));
        }
        if (response.has("firedRules")) {
            ArrayNode fired = out.putArray("firedRules");
            response.get("firedRules").forEach(f -> fired.add(f.path("rule").asText()));
        }
        return out;
    }

    /** An options answer keyed by option code: status, reasons as codes, price. */
    public static ObjectNode keyedOptions(JsonNode response) {
        ObjectNode out = MAPPER.createObjectNode();
        if (response.has("error")) {
            out.set("error", response.get("error").deepCopy());
            return out;
        }
        out.set("rulesetVersion", response.get("rulesetVersion"));
        out.set("evaluationDate", response.get("evaluationDate"));
        ObjectNode options = out.putObject("options");
        for (JsonNode option : response.path("options")) {
            ObjectNode k = options.putObject(option.path("code").asText());
            for (String field : List.of("kind", "name", "inCart", "quantity", "status", "expiresOn", "price")) {
                k.set(field, option.get(field));
            }
            ArrayNode reasons = k.putArray("reasons");
            option.path("reasons").forEach(r -> reasons.add(r.path("code").asText()));
        }
        return out;
    }

    /** Every difference between what is expected and what the keyed answer says. */
    public static List<String> differences(JsonNode expect, JsonNode keyed) {
        List<String> out = new ArrayList<>();
        compare("", expect, keyed, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        boolean missing = actual == null || actual.isMissingNode() || actual.isNull();
        if (expected.isTextual() && ABSENT.equals(expected.textValue())) {
            if (!missing) {
                out.add(path + ": expected absent, actual " + actual);
            }
            return;
        }
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(path + ": expected " + expected + ", actual " + (actual == null ? "nothing" : actual));
                return;
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                compare(path.isEmpty() ? key : path + "." + key, expected.get(key), actual.get(key), out);
            }
            return;
        }
        if (expected.isArray()) {
            if (actual == null || !actual.isArray()) {
                out.add(path + ": expected " + expected + ", actual " + (actual == null ? "nothing" : actual));
                return;
            }
            boolean includes = path.equals("firedRules") || path.endsWith(".firedRules");
            if (!sameSet(expected, actual, includes)) {
                out.add(path + ": expected " + (includes ? "to include " : "") + expected + ", actual " + actual);
            }
            return;
        }
        if (expected.isNull()) {
            if (!missing) {
                out.add(path + ": expected null, actual " + actual);
            }
            return;
        }
        if (missing || !actual.isValueNode() || !expected.asText().equals(actual.asText())) {
            out.add(path + ": expected " + expected + ", actual " + (actual == null ? "nothing" : actual));
        }
    }

    /** The part of the keyed answer that the expectation talks about, to show beside it. */
    public static JsonNode project(JsonNode expect, JsonNode keyed) {
        if (keyed == null) {
            return MAPPER.nullNode();
        }
        if (!expect.isObject() || !keyed.isObject()) {
            return keyed;
        }
        ObjectNode out = MAPPER.createObjectNode();
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode actual = keyed.get(key);
            out.set(key, actual == null ? MAPPER.getNodeFactory().textNode(ABSENT) : project(expect.get(key), actual));
        }
        return out;
    }

    /** Whether the lists hold the same elements, in any order (or, with includes, every expected one). */
    private static boolean sameSet(JsonNode expected, JsonNode actual, boolean includes) {
        if (!includes && expected.size() != actual.size()) {
            return false;
        }
        List<JsonNode> left = new ArrayList<>();
        actual.forEach(left::add);
        for (JsonNode e : expected) {
            boolean found = false;
            for (Iterator<JsonNode> it = left.iterator(); it.hasNext(); ) {
                JsonNode a = it.next();
                List<String> diffs = new ArrayList<>();
                compare("", e, a, diffs);
                if (diffs.isEmpty()) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
