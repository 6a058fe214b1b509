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

    /**
     * One place where the answer differs from the expectation.
     *
     * @param path     the keys from {@code expect} down to the value that differs
     * @param expected what the scenario says there
     * @param actual   what the answer has there (null: nothing)
     * @param text     the difference in words, as reports print it
     */
    public record Mismatch(List<String> path, JsonNode expected, JsonNode actual, String text) {}

    /** Every difference between what is expected and what the keyed answer says. */
    public static List<String> differences(JsonNode expect, JsonNode keyed) {
        return mismatches(expect, keyed).stream().map(Mismatch::text).toList();
    }

    /** Every difference, with where it is and both values. */
    public static List<Mismatch> mismatches(JsonNode expect, JsonNode keyed) {
        List<Mismatch> out = new ArrayList<>();
        compare(new ArrayList<>(), expect, keyed, out);
        return out;
    }

    private static void compare(List<String> path, JsonNode expected, JsonNode actual, List<Mismatch> out) {
        String at = String.join(".", path);
        boolean missing = actual == null || actual.isMissingNode() || actual.isNull();
        if (expected.isTextual() && ABSENT.equals(expected.textValue())) {
            if (!missing) {
                out.add(new Mismatch(List.copyOf(path), expected, actual, at + ": expected absent, actual " + actual));
            }
            return;
        }
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(new Mismatch(
                        List.copyOf(path),
                        expected,
                        actual,
                        at + ": expected " + expected + ", actual " + (actual == null ? "nothing" : actual)));
                return;
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                path.add(key);
                compare(path, expected.get(key), actual.get(key), out);
                path.remove(path.size() - 1);
            }
            return;
        }
        if (expected.isArray()) {
            if (actual == null || !actual.isArray()) {
                out.add(new Mismatch(
                        List.copyOf(path),
                        expected,
                        actual,
                        at + ": expected " + expected + ", actual " + (actual == null ? "nothing" : actual)));
                return;
            }
            boolean includes = isIncludes(path);
            if (!sameSet(expected, actual, includes)) {
                out.add(new Mismatch(
                        List.copyOf(path),
                        expected,
                        actual,
                        at + ": expected " + (includes ? "to include " : "") + expected + ", actual " + actual));
            }
            return;
        }
        if (expected.isNull()) {
            if (!missing) {
                out.add(new Mismatch(List.copyOf(path), expected, actual, at + ": expected null, actual " + actual));
            }
            return;
        }
        if (missing || !actual.isValueNode() || !expected.asText().equals(actual.asText())) {
            out.add(new Mismatch(
                    List.copyOf(path),
                    expected,
                    actual,
                    at + ": expected " + expected + ", actual " + (actual == null ? "nothing" : actual)));
        }
    }

    /** Whether a list is compared as "must include" rather than as an exact set ({@code firedRules}). */
    static boolean isIncludes(List<String> path) {
        return !path.isEmpty() && path.get(path.size() - 1).equals("firedRules");
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
                List<Mismatch> diffs = new ArrayList<>();
                compare(new ArrayList<>(), e, a, diffs);
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
