package com.addonconfigurator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies for HTTP tests, built as JSON trees: the api.md example, edited by dotted path. */
public final class RequestBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode root;

    private RequestBodies(ObjectNode root) {
        this.root = root;
    }

    public static RequestBodies example() {
        try {
            return new RequestBodies(
                    (ObjectNode) MAPPER.readTree(RequestBodies.class.getResourceAsStream("/api-example/request.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a field: "cart.users" or "cart.modules[1]"; the value is any JSON value Jackson can write. */
    public RequestBodies set(String path, Object value) {
        JsonNode node = MAPPER.valueToTree(value);
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (next == null || next.isNull()) {
                next = ((ObjectNode) parent).putObject(parts[i]);
            }
            parent = next;
        }
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            ArrayNode array = (ArrayNode) parent.get(last.substring(0, bracket));
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, node);
        } else {
            ((ObjectNode) parent).set(last, node);
        }
        return this;
    }

    public RequestBodies remove(String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]);
        }
        ((ObjectNode) parent).remove(parts[parts.length - 1]);
        return this;
    }

    public ObjectNode json() {
        return root.deepCopy();
    }
}
