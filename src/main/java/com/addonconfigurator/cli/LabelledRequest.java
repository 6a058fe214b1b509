package com.addonconfigurator.cli;

import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.scenarios.Scenario;
import com.addonconfigurator.scenarios.ScenarioFileException;
import com.addonconfigurator.scenarios.ScenarioReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A request with where it comes from ({@code scenarios/x.yaml › name}, {@code carts.jsonl:3}): what
 * {@code diff} and {@code boundaries} evaluate twice and compare.
 */
record LabelledRequest(String label, JsonNode body) {
    /** The request of every scenario under {@code rulesDir/scenarios} that {@code keep} keeps, in file order. */
    static List<LabelledRequest> scenarios(Path rulesDir, Predicate<Scenario> keep)
            throws IOException, ScenarioFileException {
        List<LabelledRequest> out = new ArrayList<>();
        Path scenarios = rulesDir.resolve("scenarios");
        ScenarioReader reader = new ScenarioReader();
        for (Path file : ScenarioReader.files(scenarios)) {
            String display =
                    "scenarios/" + scenarios.relativize(file).toString().replace('\\', '/');
            for (Scenario s : reader.read(file, display)) {
                if (keep.test(s)) {
                    out.add(new LabelledRequest(display + " › " + s.name(), s.given()));
                }
            }
        }
        return out;
    }

    /** Every request of a carts file: one JSON evaluate request per line, blank lines skipped. */
    static List<LabelledRequest> cartsFile(String file, ObjectMapper mapper) throws IOException {
        List<LabelledRequest> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(new LabelledRequest(file + ":" + (i + 1), mapper.readTree(lines.get(i))));
            } catch (JsonProcessingException e) {
                throw new IOException(file + ":" + (i + 1) + ": not a JSON request: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    /** One evaluation, as {@link #answerOrError} runs it. */
    interface Evaluation {
        EvaluationResponse run() throws InvalidRequestException, RulesFailedException;
    }

    /** The evaluation's answer, or the error it gives (code, and the field or rule), to compare. */
    static JsonNode answerOrError(ObjectMapper mapper, Evaluation evaluation) {
        ObjectNode error = mapper.createObjectNode();
        try {
            return mapper.valueToTree(evaluation.run());
        } catch (InvalidRequestException e) {
            error.putObject("error")
                    .put("code", "INVALID_REQUEST")
                    .put("field", e.problems().get(0).field());
        } catch (RulesFailedException e) {
            error.putObject("error").put("code", "RULES_FAILED").put("rule", e.rule());
        }
        return error;
    }
}
