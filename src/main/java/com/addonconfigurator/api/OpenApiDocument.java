package com.addonconfigurator.api;

import java.io.IOException;
import java.io.InputStream;

/** The OpenAPI 3 document of the contract (src/main/resources/openapi.json), kept true by tests. */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
