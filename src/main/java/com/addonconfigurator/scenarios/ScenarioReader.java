package com.addonconfigurator.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads scenario files ({@code *.yaml} / {@code *.yml}); the format is in rules/scenarios/README.md. */
public final class ScenarioReader {
    private static final Set<String> FILE_KEYS = Set.of("defaults", "scenarios");
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "covers", "tags", "given", "language", "explain", "expect", "endpoint");
    private final ObjectMapper yaml =
            new ObjectMapper(YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    /** The scenario files below a folder, sorted by path; none when the folder does not exist. */
    public static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }

    /** @param displayName how the file is named in reports (e.g. scenarios/users.yaml) */
    public List<Scenario> read(Path file, String displayName) throws ScenarioFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioFileException(displayName, 0, 0, "cannot read the file: " + e.getMessage());
        }
        return parse(text, displayName);
    }

    public List<Scenario> parse(String text, String displayName) throws ScenarioFileException {
        JsonNode root;
        List<Integer> lines = scenarioLines(text);
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioFileException(
                    displayName,
                    at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(
                    displayName, 1, 1, "a scenario file is a map with 'scenarios' (and optional 'defaults')");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!FILE_KEYS.contains(key)) {
                throw new ScenarioFileException(
                        displayName, 0, 0, "unknown key '" + key + "'; expected defaults, scenarios");
            }
        }
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) {
            throw new ScenarioFileException(displayName, 0, 0, "'defaults' must be a map (merged into each given)");
        }
        JsonNode list = root.get("scenarios");
        if (list == null || !list.isArray()) {
            throw new ScenarioFileException(displayName, 0, 0, "'scenarios' must be a list");
        }
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int line = i < lines.size() ? lines.get(i) : 0;
            out.add(scenario(list.get(i), defaults, displayName, line, i));
        }
        return out;
    }

    private Scenario scenario(JsonNode node, JsonNode defaults, String file, int line, int index)
            throws ScenarioFileException {
        String where = "scenario #" + (index + 1);
        if (!node.isObject()) {
            throw new ScenarioFileException(file, line, 0, where + " must be a map");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!SCENARIO_KEYS.contains(key)) {
                throw new ScenarioFileException(
                        file,
                        line,
                        0,
                        where + ": unknown key '" + key + "'; expected one of "
                                + String.join(
                                        ", ", SCENARIO_KEYS.stream().sorted().toList()));
            }
        }
        String name = node.path("name").asText("");
        if (name.isBlank()) {
            throw new ScenarioFileException(file, line, 0, where + ": 'name' is required");
        }
        where = "scenario '" + name + "'";
        JsonNode given = node.get("given");
        if (given == null || !given.isObject()) {
            throw new ScenarioFileException(file, line, 0, where + ": 'given' (an evaluate request) is required");
        }
        JsonNode merged = merge(defaults.isObject() ? defaults.deepCopy() : yaml.createObjectNode(), given);
        if (!merged.path("evaluationDate").isTextual()) {
            throw new ScenarioFileException(
                    file,
                    line,
                    0,
                    where
                            + ": given.evaluationDate is required, so that the scenario does not change with the calendar");
        }
        JsonNode expect = node.get("expect");
        if (expect == null || !expect.isObject()) {
            throw new ScenarioFileException(file, line, 0, where + ": 'expect' (a partial answer) is required");
        }
        String language = node.path("language").asText("it");
        if (!language.equals("it") && !language.equals("en")) {
            throw new ScenarioFileException(file, line, 0, where + ": language must be it or en");
        }
        String endpoint = node.path("endpoint").asText(Scenario.EVALUATE);
        if (!endpoint.equals(Scenario.EVALUATE) && !endpoint.equals(Scenario.OPTIONS)) {
            throw new ScenarioFileException(file, line, 0, where + ": endpoint must be evaluate or options");
        }
        return new Scenario(
                file,
                line,
                name,
                strings(node.get("covers")),
                strings(node.get("tags")),
                merged,
                language,
                node.path("explain").asBoolean(false),
                expect,
                endpoint);
    }

    /** Deep merge: objects merge key by key, anything else in {@code over} replaces. */
    static JsonNode merge(JsonNode base, JsonNode over) {
        if (!(base instanceof ObjectNode target) || !over.isObject()) {
            return over.deepCopy();
        }
        for (Iterator<String> it = over.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode existing = target.get(key);
            target.set(key, existing == null ? over.get(key).deepCopy() : merge(existing, over.get(key)));
        }
        return target;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    /** The line on which each entry of the top-level 'scenarios' list starts. */
    private List<Integer> scenarioLines(String text) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = yaml.getFactory().createParser(text)) {
            int depth = 0;
            boolean inScenarios = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (inScenarios && depth == 2 && t == JsonToken.START_OBJECT) {
                        lines.add(p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1) {
                        inScenarios = false;
                    }
                } else if (t == JsonToken.FIELD_NAME && depth == 1) {
                    inScenarios = "scenarios".equals(p.currentName());
                }
            }
        } catch (IOException e) {
            return lines;
        }
        return lines;
    }
}
