package com.addonconfigurator.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** The playground's and the API reference's files, read once from the jar. */
final class StaticAssets {
    static final String SWAGGER_UI = "5.32.6";

    record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> assets = new HashMap<>();

    StaticAssets() {
        add("/", "/public/index.html", "text/html; charset=utf-8");
        add("/playground.js", "/public/playground.js", "text/javascript; charset=utf-8");
        add("/playground.css", "/public/playground.css", "text/css; charset=utf-8");
        add("/docs", "/public/docs.html", "text/html; charset=utf-8");
        add("/favicon.svg", "/public/favicon.svg", "image/svg+xml");
        String swagger = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI + "/";
        add("/docs/swagger-ui.css", swagger + "swagger-ui.css", "text/css; charset=utf-8");
        add("/docs/swagger-ui-bundle.js", swagger + "swagger-ui-bundle.js", "text/javascript; charset=utf-8");
    }

    private void add(String path, String resource, String contentType) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            assets.put(path, new Asset(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    Map<String, Asset> all() {
        return assets;
    }
}
