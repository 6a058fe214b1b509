package com.addonconfigurator.messages;

import java.util.Map;

/**
 * The analysts' message templates, per section (reasons, steps, warnings, suggestions, lines,
 * promotions) and code, in Italian and English. Placeholders are named, {@code {max}}, and replaced
 * by plain text substitution, so apostrophes are safe.
 */
public final class Messages {
    private final Map<String, Map<String, LocalizedText>> sections;

    public Messages(Map<String, Map<String, LocalizedText>> sections) {
        this.sections = Map.copyOf(sections);
    }

    public Map<String, Map<String, LocalizedText>> sections() {
        return sections;
    }

    /** The message, with its placeholders filled; the code itself where no template exists. */
    public String render(String section, String code, Language language, Map<String, ?> values) {
        LocalizedText text = sections.getOrDefault(section, Map.of()).get(code);
        if (text == null) {
            return code;
        }
        return fill(text.in(language), values);
    }

    static String fill(String template, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (close > 0) {
                String key = template.substring(i + 1, close);
                if (values.containsKey(key)) {
                    out.append(values.get(key));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
