package com.addonconfigurator.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares a scenario's partial {@code expect} with an answer in its keyed shape ({@link
 * com.addonconfigurator.evaluation.KeyedAnswer}). Only what is written
 * is checked; a list is compared as an exact set ({@code firedRules}: must include); {@code absent}
 * asserts that a key is not there.
 */
public final class Expectations {
    public static final String ABSENT = "absent";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Expectations() {}

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
