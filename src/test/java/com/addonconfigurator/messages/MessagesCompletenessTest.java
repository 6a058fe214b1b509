package com.addonconfigurator.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** R23: every code the rules can produce, and every error, has a message in Italian and in English. */
class MessagesCompletenessTest {
    private static final Map<String, Pattern> PRODUCED = Map.of(
            "reasons", Pattern.compile("new Reason\\([^;]*?,\\s*\"([A-Z_]+)\""),
            "steps", Pattern.compile("new NextStep\\([^;]*?,\\s*\\d+,\\s*\"([A-Z_]+)\""),
            "warnings", Pattern.compile("new Warning\\(\\s*\"([A-Z_]+)\""),
            "suggestions", Pattern.compile("new Suggestion\\(\\s*\"([A-Z_]+)\""),
            "promotions", Pattern.compile("setPromotion\\(\\s*\"([A-Z_]+)\""),
            "lines", Pattern.compile("new PriceLine\\([^;]*?,\\s*\"([A-Z_]+)\""));

    @Test
    void everyCodeInTheDrlFilesHasBothLanguages() throws Exception {
        Messages messages = TestRules.project().messages();
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.list(TestRules.FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String drl = Files.readString(file);
                for (var e : PRODUCED.entrySet()) {
                    Matcher m = e.getValue().matcher(drl);
                    while (m.find()) {
                        found++;
                        LocalizedText text = messages.sections().get(e.getKey()).get(m.group(1));
                        if (text == null || text.it().isBlank() || text.en().isBlank()) {
                            missing.add(file.getFileName() + ": " + e.getKey() + "." + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(found > 20, "the patterns find the codes the rules produce: " + found);
        assertEquals(List.of(), missing);
    }

    @Test
    void everyErrorAndFieldProblemHasBothLanguages() {
        ErrorMessages errors = ErrorMessages.load();
        List<String> fieldCodes = List.of(
                "REQUIRED",
                "UNKNOWN_FIELD",
                "WRONG_TYPE",
                "UNKNOWN_CODE",
                "REPEATED",
                "NEGATIVE",
                "NOT_AN_INTEGER",
                "TOO_LARGE",
                "TOO_LONG",
                "NOT_TODAY",
                "TOO_EARLY",
                "INVALID_DATE");
        assertEquals(
                new java.util.TreeSet<>(fieldCodes),
                new java.util.TreeSet<>(errors.sections().get("fields").keySet()));
        errors.sections()
                .forEach((section, codes) -> codes.forEach((code, text) -> {
                    assertFalse(text.it() == null || text.it().isBlank(), section + "." + code + " it");
                    assertFalse(text.en() == null || text.en().isBlank(), section + "." + code + " en");
                }));
    }
}
