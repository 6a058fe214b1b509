package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Validates real answers against the schemas of the service's own OpenAPI document. */
public final class OpenApiSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode DOCUMENT = load();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApiSchemas() {}

    private static JsonNode load() {
        try {
            return MAPPER.readTree(OpenApiSchemas.class.getResourceAsStream("/openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode document() {
        return DOCUMENT;
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            if (DOCUMENT.at("/components/schemas/" + n).isMissingNode()) {
                throw new AssertionError("openapi.json has no schema " + n);
            }
            ObjectNode root = DOCUMENT.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#/components/schemas/" + n);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(root);
        });
    }

    /** Fails with every violation when the JSON does not match the named component schema. */
    public static void assertValid(String schemaName, String json) {
        try {
            assertValid(schemaName, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    public static void assertValid(String schemaName, JsonNode json) {
        Set<ValidationMessage> errors = schema(schemaName).validate(json);
        assertEquals(
                List.of(),
                errors.stream().map(ValidationMessage::getMessage).sorted().toList(),
                schemaName + " does not describe " + json);
    }

    /** The values of an enum schema of the document. */
    public static Set<String> enumOf(String schemaName) {
        Set<String> out = new java.util.TreeSet<>();
        DOCUMENT.at("/components/schemas/" + schemaName + "/enum").forEach(v -> out.add(v.asText()));
        return out;
    }
}
