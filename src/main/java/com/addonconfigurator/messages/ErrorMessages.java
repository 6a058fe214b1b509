package com.addonconfigurator.messages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP contract's error messages (src/main/resources/api-messages.yaml), in Italian and English. */
public final class ErrorMessages {
    private final Messages messages;

    private ErrorMessages(Map<String, Map<String, LocalizedText>> sections) {
        this.messages = new Messages(sections);
    }

    public static ErrorMessages load() {
        try (InputStream in = ErrorMessages.class.getResourceAsStream("/api-messages.yaml")) {
            Map<String, Map<String, Map<String, String>>> raw =
                    new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
            Map<String, Map<String, LocalizedText>> sections = new LinkedHashMap<>();
            raw.forEach((section, codes) -> {
                Map<String, LocalizedText> texts = new LinkedHashMap<>();
                codes.forEach((code, t) -> texts.put(code, new LocalizedText(t.get("it"), t.get("en"))));
                sections.put(section, Map.copyOf(texts));
            });
            return new ErrorMessages(Map.copyOf(sections));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Map<String, LocalizedText>> sections() {
        return messages.sections();
    }

    public String error(String code, Language language, Map<String, ?> values) {
        return messages.render("errors", code, language, values);
    }

    public String field(String code, Language language, Map<String, ?> values) {
        return messages.render("fields", code, language, values);
    }
}
