package com.addonconfigurator.messages;

import java.util.Locale;

/** The languages messages exist in. Italian is the default. */
public enum Language {
    IT,
    EN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language for an {@code Accept-Language} header: English when the preferred language is
     * English ({@code en-US,en;q=0.9} counts), Italian otherwise, also for a malformed header. A
     * language with {@code q=0} is one the client does not accept.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return IT;
        }
        try {
            var ranges = Locale.LanguageRange.parse(header).stream()
                    .filter(r -> r.getWeight() > 0)
                    .toList();
            if (ranges.isEmpty()) {
                return IT;
            }
            String preferred = ranges.get(0).getRange();
            return preferred.equals("en") || preferred.startsWith("en-") ? EN : IT;
        } catch (IllegalArgumentException malformed) {
            return IT;
        }
    }

    public static Language fromTag(String tag) {
        return "en".equalsIgnoreCase(tag) ? EN : IT;
    }
}
