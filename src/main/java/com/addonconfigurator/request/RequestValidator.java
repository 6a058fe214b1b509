package com.addonconfigurator.request;

import com.addonconfigurator.catalog.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed JSON body into an {@link EvaluationRequest}, or lists every field at fault. Strict:
 * no type coercion, no unknown fields, codes must be the catalog's. A field sent as null counts as
 * left out.
 */
public final class RequestValidator {
    public static final Set<String> ROOT_FIELDS = Set.of("evaluationDate", "channel", "platform", "account", "cart");
    public static final Set<String> ACCOUNT_FIELDS =
            Set.of("plan", "expiresOn", "activeModules", "users", "contactsMatched");
    public static final Set<String> CART_FIELDS =
            Set.of("plan", "modules", "users", "extendActiveServices", "invoiceThroughArubaPanel");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Users in a request at most: far beyond any catalog's maximum, and safe to add up. */
    static final int MAX_COUNT = 1_000_000;
    /** The last day a date in an answer can be: dates are written with four-digit years. */
    private static final LocalDate LAST_WRITABLE_DAY = LocalDate.of(9999, 12, 31);

    private final List<String> plans;
    private final List<String> modules;

    /** An evaluation date whose term would end past {@link #LAST_WRITABLE_DAY} is refused. */
    private final LocalDate latestEvaluationDate;
    /** The first day the catalog gives every value for (null: always). */
    private final LocalDate firstEvaluationDate;

    public RequestValidator(Catalog catalog) {
        this.latestEvaluationDate = LAST_WRITABLE_DAY.minusMonths(catalog.maxTermMonths());
        this.firstEvaluationDate = catalog.firstDay();
        this.plans = catalog.codesOfKind(Catalog.PLAN);
        this.modules = catalog.codesOfKind(Catalog.MODULE);
    }

    public EvaluationRequest validate(JsonNode body) throws InvalidRequestException {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add(new FieldProblem("", "WRONG_TYPE", Map.of("expected", "object")));
            throw new InvalidRequestException(problems);
        }
        unknownFields(body, "", ROOT_FIELDS, problems);
        LocalDate date = date(body, "evaluationDate", "evaluationDate", false, problems);
        if (date != null && date.isAfter(latestEvaluationDate)) {
            problems.add(
                    new FieldProblem("evaluationDate", "TOO_LARGE", Map.of("max", latestEvaluationDate.toString())));
            date = null;
        }
        if (date != null && firstEvaluationDate != null && date.isBefore(firstEvaluationDate)) {
            problems.add(
                    new FieldProblem("evaluationDate", "TOO_EARLY", Map.of("min", firstEvaluationDate.toString())));
            date = null;
        }
        String channel = code(body, "channel", "channel", EvaluationRequest.CHANNELS, true, problems);
        String platform = code(body, "platform", "platform", EvaluationRequest.PLATFORMS, false, problems);
        if ("MOBILE_APP".equals(channel) && isAbsent(body.get("platform"))) {
            problems.add(new FieldProblem("platform", "REQUIRED", Map.of()));
        }
        EvaluationRequest.Account account = null;
        JsonNode accountNode = body.get("account");
        if (!isAbsent(accountNode)) {
            if (!accountNode.isObject()) {
                problems.add(new FieldProblem("account", "WRONG_TYPE", Map.of("expected", "object")));
            } else {
                account = account(accountNode, problems);
            }
        }
        EvaluationRequest.Cart cart = null;
        JsonNode cartNode = body.get("cart");
        if (isAbsent(cartNode)) {
            problems.add(new FieldProblem("cart", "REQUIRED", Map.of()));
        } else if (!cartNode.isObject()) {
            problems.add(new FieldProblem("cart", "WRONG_TYPE", Map.of("expected", "object")));
        } else {
            cart = cart(cartNode, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new EvaluationRequest(date, channel, platform, account, cart);
    }

    private EvaluationRequest.Account account(JsonNode node, List<FieldProblem> problems) {
        unknownFields(node, "account.", ACCOUNT_FIELDS, problems);
        String plan = code(node, "plan", "account.plan", plans, true, problems);
        LocalDate expiresOn = date(node, "expiresOn", "account.expiresOn", true, problems);
        List<String> active = codes(node, "activeModules", "account.activeModules", modules, problems);
        int users = count(node, "users", "account.users", problems);
        boolean matched = bool(node, "contactsMatched", "account.contactsMatched", false, problems);
        return new EvaluationRequest.Account(plan, expiresOn, active, users, matched);
    }

    private EvaluationRequest.Cart cart(JsonNode node, List<FieldProblem> problems) {
        unknownFields(node, "cart.", CART_FIELDS, problems);
        String plan = code(node, "plan", "cart.plan", plans, false, problems);
        List<String> mods = codes(node, "modules", "cart.modules", modules, problems);
        int users = count(node, "users", "cart.users", problems);
        boolean extend = bool(node, "extendActiveServices", "cart.extendActiveServices", true, problems);
        boolean panel = bool(node, "invoiceThroughArubaPanel", "cart.invoiceThroughArubaPanel", true, problems);
        return new EvaluationRequest.Cart(plan, mods, users, extend, panel);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static void unknownFields(JsonNode node, String prefix, Set<String> known, List<FieldProblem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "UNKNOWN_FIELD", Map.of()));
            }
        }
    }

    /** The field's node, or null when it is absent or null (a problem when it is required). */
    private static JsonNode present(
            JsonNode parent, String name, String path, boolean required, List<FieldProblem> problems) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            if (required) {
                problems.add(new FieldProblem(path, "REQUIRED", Map.of()));
            }
            return null;
        }
        return node;
    }

    private static String code(
            JsonNode parent,
            String name,
            String path,
            List<String> allowed,
            boolean required,
            List<FieldProblem> problems) {
        JsonNode node = present(parent, name, path, required, problems);
        return node == null ? null : codeValue(node, path, allowed, problems);
    }

    private static String codeValue(JsonNode node, String path, List<String> allowed, List<FieldProblem> problems) {
        if (!node.isTextual()) {
            problems.add(new FieldProblem(path, "WRONG_TYPE", Map.of("expected", "string")));
            return null;
        }
        if (!allowed.contains(node.textValue())) {
            problems.add(new FieldProblem(path, "UNKNOWN_CODE", Map.of("allowed", String.join(", ", allowed))));
            return null;
        }
        return node.textValue();
    }

    private static List<String> codes(
            JsonNode parent, String name, String path, List<String> allowed, List<FieldProblem> problems) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem(path, "WRONG_TYPE", Map.of("expected", "array")));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String elementPath = path + "[" + i + "]";
            JsonNode element = node.get(i);
            if (element.isNull()) {
                problems.add(new FieldProblem(elementPath, "WRONG_TYPE", Map.of("expected", "string")));
                continue;
            }
            String code = codeValue(element, elementPath, allowed, problems);
            if (code != null && !seen.add(code)) {
                problems.add(new FieldProblem(elementPath, "REPEATED", Map.of("value", code)));
            } else if (code != null) {
                out.add(code);
            }
        }
        return out;
    }

    private static int count(JsonNode parent, String name, String path, List<FieldProblem> problems) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return 0;
        }
        if (!node.isNumber()) {
            problems.add(new FieldProblem(path, "WRONG_TYPE", Map.of("expected", "integer")));
            return 0;
        }
        if (!node.isIntegralNumber()) {
            problems.add(new FieldProblem(path, "NOT_AN_INTEGER", Map.of()));
            return 0;
        }
        if (!node.canConvertToInt()) {
            problems.add(new FieldProblem(
                    path,
                    node.bigIntegerValue().signum() < 0 ? "NEGATIVE" : "TOO_LARGE",
                    Map.of("max", Integer.MAX_VALUE)));
            return 0;
        }
        int value = node.intValue();
        if (value < 0) {
            problems.add(new FieldProblem(path, "NEGATIVE", Map.of()));
            return 0;
        }
        if (value > MAX_COUNT) {
            problems.add(new FieldProblem(path, "TOO_LARGE", Map.of("max", MAX_COUNT)));
            return 0;
        }
        return value;
    }

    private static boolean bool(JsonNode parent, String name, String path, boolean dflt, List<FieldProblem> problems) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            return dflt;
        }
        if (!node.isBoolean()) {
            problems.add(new FieldProblem(path, "WRONG_TYPE", Map.of("expected", "boolean")));
            return dflt;
        }
        return node.booleanValue();
    }

    private static LocalDate date(
            JsonNode parent, String name, String path, boolean required, List<FieldProblem> problems) {
        JsonNode node = present(parent, name, path, required, problems);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(path, "WRONG_TYPE", Map.of("expected", "string")));
            return null;
        }
        String text = node.textValue();
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException ignored) {
                // falls through to the problem below
            }
        }
        problems.add(new FieldProblem(path, "INVALID_DATE", Map.of()));
        return null;
    }
}
