package com.addonconfigurator.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and each value of a YAML text lies, by its JSON pointer ({@code
 * /scenarios/0/expect/items}): the key's line and column, and the value's span of characters (a
 * scalar with its quotes, a collection from its first character to its last value), so that an
 * error can name its line and a value can be rewritten in place, comments and layout kept.
 */
public final class YamlSpans {
    /** A key's position (1-based line and column). */
    public record Position(int line, int column) {}

    /** A value's characters: {@code [start, end)}. */
    public record Span(int start, int end) {}

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    /** A map's first key: where a block map starts (the parser reports its start token late). */
    private final Map<String, Position> firstKeys = new HashMap<>();

    private final Map<String, Span> spans = new HashMap<>();

    private final String text;

    private YamlSpans(String text) {
        this.text = text;
    }

    /** The positions of a text; empty where it is not YAML (its reader reports why). */
    public static YamlSpans of(String text) {
        YamlSpans out = new YamlSpans(text);
        try (JsonParser p = FACTORY.createParser(text)) {
            out.walk(p);
        } catch (IOException | RuntimeException e) {
            // positions stop where the text stops being YAML
        }
        return out;
    }

    /** The key's position, or the closest enclosing one known (never null). */
    public Position key(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            Position at = keys.getOrDefault(p, firstKeys.getOrDefault(p, values.get(p)));
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
        }
    }

    /** The value's characters, or null when not known. */
    public Span span(String pointer) {
        return spans.get(pointer);
    }

    /** A segment of a JSON pointer, escaped. */
    public static String segment(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    private void walk(JsonParser p) throws IOException {
        Deque<String> path = new ArrayDeque<>(); // the pointer of each open container
        Deque<Integer> index = new ArrayDeque<>(); // the next element's index in each open array (-1: object)
        Deque<Integer> starts = new ArrayDeque<>();
        String field = null;
        int lastEnd = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME) {
                field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                Position key = new Position(at.getLineNr(), at.getColumnNr());
                keys.put(path.peek() + segment(field), key);
                firstKeys.putIfAbsent(path.peek(), key);
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                String pointer = path.pop();
                index.pop();
                int start = starts.pop();
                int end = (int) p.currentLocation().getCharOffset();
                // a block collection ends where the next token begins: keep to its last value
                boolean flow = end > 0 && end <= text.length() && "]}".indexOf(text.charAt(end - 1)) >= 0;
                spans.put(pointer, new Span(start, flow ? end : lastEnd));
                lastEnd = spans.get(pointer).end();
                continue;
            }
            String pointer;
            if (path.isEmpty()) {
                pointer = "";
            } else if (index.peek() >= 0) {
                int i = index.pop();
                index.push(i + 1);
                pointer = path.peek() + "/" + i;
            } else {
                pointer = path.peek() + segment(field);
            }
            JsonLocation at = p.currentTokenLocation();
            values.put(pointer, new Position(at.getLineNr(), at.getColumnNr()));
            int start = (int) at.getCharOffset();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                path.push(pointer);
                index.push(t == JsonToken.START_ARRAY ? 0 : -1);
                starts.push(start);
            } else {
                int end = (int) p.currentLocation().getCharOffset();
                spans.put(pointer, new Span(start, end));
                lastEnd = end;
            }
        }
    }
}
