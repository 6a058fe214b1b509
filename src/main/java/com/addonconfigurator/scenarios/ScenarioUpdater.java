package com.addonconfigurator.scenarios;

import com.addonconfigurator.yaml.YamlSpans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Accepts an intended change: rewrites, in a scenario file's text, each expected value that
 * differs from today's answer, in place. The scenario keeps its shape (only the fields it already
 * names), its comments, its layout and its order; a value that is now missing becomes {@code
 * absent}, and one that now exists where {@code absent} was expected becomes {@code {}} (present,
 * nothing more said). A scenario whose request was refused, or that passes, is left as it is.
 */
public final class ScenarioUpdater {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One value rewritten: where, and its text before and after. */
    public record Change(String file, int line, String scenario, String path, String before, String after) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + scenario + " › " + path + ": " + before + " → " + after;
        }
    }

    /** A file's new text and the changes made to it (the text unchanged when there are none). */
    public record Updated(String text, List<Change> changes) {}

    private ScenarioUpdater() {}

    /** The file's text with the differing values of these results (all of that file) rewritten. */
    public static Updated update(String text, List<ScenarioResult> results) {
        YamlSpans spans = YamlSpans.of(text);
        record Edit(int start, int end, String replacement, Change change) {}
        List<Edit> edits = new ArrayList<>();
        for (ScenarioResult r : results) {
            if (r.passed()
                    || r.scenario() == null
                    || r.actual() == null
                    || r.actual().has("error")) {
                continue;
            }
            Scenario s = r.scenario();
            String base = "/scenarios/" + s.index() + "/expect";
            for (Expectations.Mismatch m : Expectations.mismatches(s.expect(), r.actual())) {
                StringBuilder pointer = new StringBuilder(base);
                m.path().forEach(key -> pointer.append(YamlSpans.segment(key)));
                YamlSpans.Span span = spans.span(pointer.toString());
                if (span == null) {
                    continue;
                }
                String replacement = flow(today(m));
                String before = text.substring(span.start(), span.end());
                YamlSpans.Position at = spans.key(pointer.toString());
                edits.add(new Edit(
                        span.start(),
                        span.end(),
                        replacement,
                        new Change(s.file(), at.line(), s.name(), String.join(".", m.path()), before, replacement)));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        List<Change> changes = new ArrayList<>();
        for (Edit e : edits) {
            out.replace(e.start(), e.end(), e.replacement());
            changes.add(0, e.change());
        }
        return new Updated(out.toString(), changes);
    }

    /** What the scenario should now say there, in the expectation's own shape. */
    private static JsonNode today(Expectations.Mismatch m) {
        JsonNode actual = m.actual();
        boolean missing = actual == null || actual.isMissingNode();
        if (missing) {
            return JSON.getNodeFactory().textNode(Expectations.ABSENT);
        }
        if (actual.isObject()) {
            return JSON.createObjectNode(); // present; the scenario named none of its fields here
        }
        if (actual.isArray() && Expectations.isIncludes(m.path())) {
            var kept = JSON.createArrayNode();
            m.expected().forEach(e -> {
                for (JsonNode a : actual) {
                    if (a.equals(e)) {
                        kept.add(e);
                        return;
                    }
                }
            });
            return kept;
        }
        return actual;
    }

    /** A value in YAML's flow style: codes plain, other strings quoted, lists and maps inline. */
    static String flow(JsonNode value) {
        if (value.isTextual()) {
            String t = value.textValue();
            return t.matches("[A-Z][A-Z0-9_]*") || t.equals(Expectations.ABSENT) ? t : quoted(t);
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(flow(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            if (value.isEmpty()) {
                return "{}";
            }
            List<String> items = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                items.add(e.getKey() + ": " + flow(e.getValue()));
            }
            return "{ " + String.join(", ", items) + " }";
        }
        return value.toString(); // numbers, booleans, null
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }
}
