package com.addonconfigurator.messages;

import com.addonconfigurator.yaml.InvalidFileException;
import com.addonconfigurator.yaml.YamlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code messages.yaml}: section, then code, then {@code it} and {@code en}. */
public final class MessagesReader {
    public static final List<String> SECTIONS =
            List.of("reasons", "steps", "warnings", "suggestions", "lines", "promotions");

    record Text(String it, String en) {}

    record MessagesFile(
            Map<String, Text> reasons,
            Map<String, Text> steps,
            Map<String, Text> warnings,
            Map<String, Text> suggestions,
            Map<String, Text> lines,
            Map<String, Text> promotions) {}

    private MessagesReader() {}

    public static Messages read(String yaml) throws InvalidFileException {
        MessagesFile file = YamlFiles.read(yaml, MessagesFile.class);
        List<Map<String, Text>> raw = List.of(
                nz(file.reasons()),
                nz(file.steps()),
                nz(file.warnings()),
                nz(file.suggestions()),
                nz(file.lines()),
                nz(file.promotions()));
        Map<String, Map<String, LocalizedText>> sections = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < SECTIONS.size(); i++) {
            Map<String, LocalizedText> texts = new LinkedHashMap<>();
            for (var e : raw.get(i).entrySet()) {
                Text t = e.getValue();
                if (t == null || t.it() == null || t.it().isBlank() || t.en() == null || t.en().isBlank()) {
                    problems.add(SECTIONS.get(i) + "." + e.getKey() + " needs both it and en");
                    continue;
                }
                texts.put(e.getKey(), new LocalizedText(t.it(), t.en()));
            }
            sections.put(SECTIONS.get(i), Map.copyOf(texts));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(0, 0, String.join("; ", problems));
        }
        return new Messages(sections);
    }

    private static Map<String, Text> nz(Map<String, Text> m) {
        return m == null ? Map.of() : m;
    }
}
