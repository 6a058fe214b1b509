package com.addonconfigurator.scenarios;

import com.addonconfigurator.yaml.YamlSpans;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.stream.Stream;

/** Reads scenario files ({@code *.yaml} / {@code *.yml}); the format is in rules/scenarios/README.md. */
public final class ScenarioReader {
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
        Located at = new Located(displayName, YamlSpans.of(text));
        at.refuseUnknown(root, ScenarioKeys.FILE, "", "the file");
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) {
            throw at.problem("/defaults", "'defaults' must be a map (merged into each given)");
        }
        JsonNode list = root.get("scenarios");
        if (list == null || !list.isArray()) {
            throw at.problem("/scenarios", "'scenarios' must be a list");
        }
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(scenario(list.get(i), defaults, at, i));
        }
        return out;
    }

    /** A file's positions, to place each problem at its line and column. */
    private record Located(String file, YamlSpans spans) {
        ScenarioFileException problem(String pointer, String message) {
            YamlSpans.Position p = spans.key(pointer);
            return new ScenarioFileException(file, p.line(), p.column(), message);
        }

        void refuseUnknown(JsonNode node, ScenarioKeys.Keys keys, String pointer, String where)
                throws ScenarioFileException {
            for (ScenarioKeys.Unknown u : ScenarioKeys.unknown(node, keys, pointer)) {
                throw problem(
                        u.pointer(),
                        where + ": unknown key '" + u.key() + "'; expected one of " + String.join(", ", u.expected()));
            }
        }
    }

    private Scenario scenario(JsonNode node, JsonNode defaults, Located at, int index) throws ScenarioFileException {
        String pointer = "/scenarios/" + index;
        int line = at.spans().key(pointer).line();
        String where = "scenario #" + (index + 1);
        if (!node.isObject()) {
            throw at.problem(pointer, where + " must be a map");
        }
        String name = node.path("name").asText("");
        if (!name.isBlank()) {
            where = "scenario '" + name + "'";
        }
        at.refuseUnknown(node, ScenarioKeys.SCENARIO, pointer, where);
        if (name.isBlank()) {
            throw at.problem(pointer, where + ": 'name' is required");
        }
        JsonNode given = node.get("given");
        if (given == null || !given.isObject()) {
            throw at.problem(pointer, where + ": 'given' (an evaluate request) is required");
        }
        JsonNode merged = merge(defaults.isObject() ? defaults.deepCopy() : yaml.createObjectNode(), given);
        if (!merged.path("evaluationDate").isTextual()) {
            throw at.problem(
                    pointer,
                    where
                            + ": given.evaluationDate is required, so that the scenario does not change with the calendar");
        }
        JsonNode expect = node.get("expect");
        if (expect == null || !expect.isObject()) {
            throw at.problem(pointer, where + ": 'expect' (a partial answer) is required");
        }
        String language = node.path("language").asText("it");
        if (!language.equals("it") && !language.equals("en")) {
            throw at.problem(pointer + "/language", where + ": language must be it or en");
        }
        if (node.has("moves") && !node.get("moves").isBoolean()) {
            throw at.problem(pointer + "/moves", where + ": moves must be true or false");
        }
        String endpoint = node.path("endpoint").asText(Scenario.EVALUATE);
        if (!endpoint.equals(Scenario.EVALUATE) && !endpoint.equals(Scenario.OPTIONS)) {
            throw at.problem(pointer + "/endpoint", where + ": endpoint must be evaluate or options");
        }
        at.refuseUnknown(
                expect,
                endpoint.equals(Scenario.OPTIONS) ? ScenarioKeys.EXPECT_OPTIONS : ScenarioKeys.EXPECT_EVALUATE,
                pointer + "/expect",
                where + ", expect");
        return new Scenario(
                at.file(),
                line,
                index,
                name,
                strings(node.get("covers")),
                strings(node.get("tags")),
                merged,
                language,
                node.path("explain").asBoolean(false),
                expect,
                endpoint,
                !given.has("evaluationDate") || node.path("moves").asBoolean(false));
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
}
