package com.addonconfigurator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A temporary copy of the project's rules folder that a test may edit. */
public final class RulesCopy {
    private final Path folder;

    private RulesCopy(Path folder) {
        this.folder = folder;
    }

    public static RulesCopy into(Path target) {
        copyTree(TestRules.FOLDER, target);
        return new RulesCopy(target);
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Path file(String relative) {
        return folder.resolve(relative);
    }

    /** Replaces text in a file, failing when the text is not there (so that the edit cannot silently miss). */
    public RulesCopy replace(String relative, String text, String with) {
        try {
            Path file = file(relative);
            String content = Files.readString(file);
            if (!content.contains(text)) {
                throw new AssertionError(relative + " does not contain " + text);
            }
            Files.writeString(file, content.replace(text, with));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RulesCopy write(String relative, String content) {
        try {
            Files.createDirectories(file(relative).getParent());
            Files.writeString(file(relative), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RulesCopy delete(String relative) {
        try {
            Files.deleteIfExists(file(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line on which a text first stands in a file. */
    public int lineOf(String relative, String text) {
        try {
            var lines = Files.readAllLines(file(relative));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError(relative + " does not contain " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The project's rules with the FE plan's price changing on New Year's Day 2027, from 25.00 to
     * 37.00: the extension (R11), prorated on the plan price, changes with it.
     */
    public static RulesCopy withPlanPriceChangingOnNewYearsDay(Path target) {
        return into(target)
                .replace(
                        "catalog.yaml",
                        "    name: { it: \"Fatturazione Elettronica\", en: \"Electronic Invoicing\" }\n    price: \"25.00\"",
                        "    name: { it: \"Fatturazione Elettronica\", en: \"Electronic Invoicing\" }\n"
                                + "    price:\n      - { until: 2027-01-01, value: \"25.00\" }\n"
                                + "      - { from: 2027-01-01, value: \"37.00\" }");
    }
}
