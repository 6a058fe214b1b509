package com.addonconfigurator.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/** Strict YAML reading for the analysts' files: unknown keys and duplicates are errors with a line. */
public final class YamlFiles {
    private static final ObjectMapper YAML = new ObjectMapper(
                    YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private YamlFiles() {}

    public static <T> T read(String text, Class<T> type) throws InvalidFileException {
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw new InvalidFileException(1, 1, "the file is empty");
            }
            return value;
        } catch (JsonMappingException e) {
            throw located(e.getLocation(), e.getOriginalMessage() + at(e));
        } catch (JsonParseException e) {
            throw located(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidFileException(0, 0, e.getMessage());
        }
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        return path.isEmpty() ? "" : " (at " + path + ")";
    }

    private static InvalidFileException located(JsonLocation location, String message) {
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
        return new InvalidFileException(line, column, message);
    }
}
