package com.addonconfigurator.messages;

/** A text in Italian and English. */
public record LocalizedText(String it, String en) {
    public String in(Language language) {
        return language == Language.EN ? en : it;
    }
}
