package com.addonconfigurator.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every environment variable the service reads is in the operators' table, and nothing else is. */
class ConfigurationDocsTest {
    @Test
    void everySettingTheReaderReadsIsDocumentedInTheOperationsTable() throws Exception {
        String reader = Files.readString(Path.of("src/main/java/com/addonconfigurator/app/AppConfigReader.java"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"").matcher(reader);
        while (m.find()) {
            read.add(m.group(1));
        }
        String docs = Files.readString(Path.of("docs/operations.md"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)`(?:, `([A-Z][A-Z0-9_]+)`)?")
                .matcher(docs);
        while (row.find()) {
            documented.add(row.group(1));
            if (row.group(2) != null) {
                documented.add(row.group(2));
            }
        }
        assertTrue(read.size() > 20, read.toString());
        assertEquals(read, documented);
    }
}
