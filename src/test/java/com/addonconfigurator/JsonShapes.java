package com.addonconfigurator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares JSON documents exactly, where the expected string "…" stands for any non-empty text. */
public final class JsonShapes {
    public static final String ANY_TEXT = "…";

    private JsonShapes() {}

    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null) {
            out.add(path + ": missing, expected " + expected);
            return;
        }
        if (expected.isTextual() && ANY_TEXT.equals(expected.textValue())) {
            if (!actual.isTextual() || actual.textValue().isBlank()) {
                out.add(path + ": expected some text, got " + actual);
            }
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + expected + ", got " + actual);
            return;
        }
        if (expected.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name)) {
                    out.add(path + "." + name + ": unexpected field " + actual.get(name));
                } else {
                    compare(path + "." + name, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": expected " + expected.size() + " elements, got " + actual.size() + ": " + actual);
                return;
            }
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                compare(path + "[" + i++ + "]", e, a.next(), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
