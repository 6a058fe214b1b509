package com.addonconfigurator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer in the keyed shape that scenarios are written against and answers are compared in:
 * items, price lines, steps and options by code; reasons and warnings as lists of codes.
 */
public final class KeyedAnswer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeyedAnswer() {}

    /** The answer (or error) in the keyed shape scenarios are written against. */
    public static ObjectNode of(JsonNode response) {
        ObjectNode out = MAPPER.createObjectNode();
        if (response.has("error")) {
            out.set("error", response.get("error").deepCopy());
            return out;
        }
        copy(response, out, "rulesetVersion", "evaluationDate", "checkoutAllowed", "accountExpiresOn");
        ObjectNode items = out.putObject("items");
        for (JsonNode item : response.path("items")) {
            ObjectNode k =
                    copy(item, items.putObject(item.path("code").asText()), "kind", "quantity", "status", "expiresOn");
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
        copy(p, pricing, "currency", "net", "vatRate", "vat", "gross");
        ObjectNode lines = pricing.putObject("lines");
        for (JsonNode line : p.path("lines")) {
            copy(
                    line,
                    lines.putObject(line.path("code").asText()),
                    "quantity",
                    "months",
                    "amount",
                    "promotion",
                    "description");
        }
        ObjectNode steps = out.putObject("nextSteps");
        for (JsonNode s : response.path("nextSteps")) {
            copy(s, steps.putObject(s.path("code").asText()), "item", "order", "webPanelOnly", "message");
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
    public static ObjectNode ofOptions(JsonNode response) {
        ObjectNode out = MAPPER.createObjectNode();
        if (response.has("error")) {
            out.set("error", response.get("error").deepCopy());
            return out;
        }
        copy(response, out, "rulesetVersion", "evaluationDate");
        ObjectNode options = out.putObject("options");
        for (JsonNode option : response.path("options")) {
            ObjectNode k = copy(
                    option,
                    options.putObject(option.path("code").asText()),
                    "kind",
                    "name",
                    "inCart",
                    "quantity",
                    "status",
                    "expiresOn",
                    "price");
            ArrayNode reasons = k.putArray("reasons");
            option.path("reasons").forEach(r -> reasons.add(r.path("code").asText()));
        }
        return out;
    }

    /** Copies the named fields of {@code from} into {@code to} (a missing one as null); returns {@code to}. */
    private static ObjectNode copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            to.set(field, from.get(field));
        }
        return to;
    }
}
