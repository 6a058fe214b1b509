package com.addonconfigurator.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The playground's and the API reference's files, read once from the jar. */
final class StaticAssets {

    record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> assets = new HashMap<>();

    StaticAssets() {
        add("/", "/public/index.html", "text/html; charset=utf-8");
        add("/playground.js", "/public/playground.js", "text/javascript; charset=utf-8");
        add("/playground.css", "/public/playground.css", "text/css; charset=utf-8");
        add("/docs", "/public/docs.html", "text/html; charset=utf-8");
        add("/favicon.svg", "/public/favicon.svg", "image/svg+xml");
        String swagger = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        add("/docs/swagger-ui.css", swagger + "swagger-ui.css", "text/css; charset=utf-8");
        add("/docs/swagger-ui-bundle.js", swagger + "swagger-ui-bundle.js", "text/javascript; charset=utf-8");
    }

    /** The Swagger UI webjar's version, as the webjar itself states it (the pom names it once). */
    private static String swaggerUiVersion() {
        try (InputStream in =
                StaticAssets.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the swagger-ui webjar's version", e);
        }
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
