package com.addonconfigurator.scenarios;

import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.KeyedAnswer;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Runs scenario files against a ruleset, exactly as the service would evaluate their requests. */
public final class ScenarioRunner {
    private static final ErrorMessages ERRORS = ErrorMessages.load();
    private final RuleEngine engine;
    private final Clock clock;
    private final boolean coverage;
    private final ScenarioReader reader = new ScenarioReader();
    private final ObjectMapper mapper = Json.newMapper();

    /** Runs with coverage: every scenario is explained, so that the rules it fired are known. */
    public ScenarioRunner(RuleEngine engine, Clock clock) {
        this(engine, clock, true);
    }

    /** @param coverage false: explain only the scenarios that ask for it or check firedRules (faster) */
    public ScenarioRunner(RuleEngine engine, Clock clock, boolean coverage) {
        this.engine = engine;
        this.clock = clock;
        this.coverage = coverage;
    }

    /**
     * The results of every scenario of the folder, in file order; a file that cannot be read is one
     * failed result. The scenarios are independent evaluations, so they run on every core (a gate's
     * wall time, at start-up and at each reload, halves on two).
     */
    public List<ScenarioResult> runFolder(Ruleset ruleset, Path scenariosFolder, String displayPrefix) {
        List<Path> files;
        try {
            files = ScenarioReader.files(scenariosFolder);
        } catch (IOException e) {
            return List.of(unreadable(displayPrefix, "cannot list scenario files: " + e.getMessage()));
        }
        return runFiles(ruleset, scenariosFolder, files, displayPrefix);
    }

    /**
     * Every scenario of these files (below {@code root}, which names them in reports), on all cores.
     */
    public List<ScenarioResult> runFiles(Ruleset ruleset, Path root, List<Path> files, String displayPrefix) {
        List<Supplier<ScenarioResult>> work = new ArrayList<>();
        for (Path file : files) {
            String display = displayPrefix + root.relativize(file).toString().replace('\\', '/');
            try {
                for (Scenario scenario : reader.read(file, display)) {
                    work.add(() -> run(ruleset, scenario));
                }
            } catch (ScenarioFileException e) {
                ScenarioResult failed = unreadable(display, e.getMessage());
                work.add(() -> failed);
            }
        }
        return work.parallelStream().map(Supplier::get).toList();
    }

    private static ScenarioResult unreadable(String file, String message) {
        return new ScenarioResult(file, "(file)", null, List.of(message), null, Set.of(), Set.of());
    }

    public ScenarioResult run(Ruleset ruleset, Scenario scenario) {
        EvaluationService service = new EvaluationService(() -> ruleset, engine, clock);
        JsonNode answer;
        boolean options = Scenario.OPTIONS.equals(scenario.endpoint());
        try {
            boolean explain =
                    coverage || scenario.explain() || scenario.expect().has("firedRules");
            Language language = Language.fromTag(scenario.language());
            answer = options
                    ? mapper.valueToTree(service.options(scenario.given(), language))
                    : mapper.valueToTree(service.evaluate(scenario.given(), language, explain));
        } catch (InvalidRequestException e) {
            ObjectNode error = mapper.createObjectNode();
            ObjectNode body = error.putObject("error");
            body.put("code", "INVALID_REQUEST");
            body.put("field", e.problems().get(0).field());
            var fields = body.putArray("fields");
            e.problems().forEach(p -> fields.add(p.field()));
            var details = body.putArray("details");
            e.problems().forEach(p -> details.add(p.message(ERRORS, Language.EN)));
            body.put("message", e.problems().get(0).message(ERRORS, Language.EN));
            answer = error;
        } catch (RulesFailedException e) {
            ObjectNode error = mapper.createObjectNode();
            error.putObject("error").put("code", "RULES_FAILED").put("message", e.getMessage());
            answer = error;
        } catch (NotReadyException e) {
            throw new IllegalStateException("a scenario always has a ruleset", e);
        }
        ObjectNode keyed = options ? KeyedAnswer.ofOptions(answer) : KeyedAnswer.of(answer);
        List<String> differences = new ArrayList<>(Expectations.differences(scenario.expect(), keyed));
        if (!differences.isEmpty() && keyed.has("error") && !scenario.expect().has("error")) {
            differences.add(0, refusal(keyed.get("error")));
        }
        return new ScenarioResult(
                scenario.file(), scenario.name(), scenario, differences, keyed, fired(answer), codes(answer));
    }

    /** Why the request got no answer, as the first difference of a scenario that expected one. */
    private static String refusal(JsonNode error) {
        String code = error.path("code").asText();
        if (code.equals("INVALID_REQUEST")) {
            List<String> details = new ArrayList<>();
            error.path("details").forEach(d -> details.add(d.asText()));
            return "the request was refused: INVALID_REQUEST at "
                    + error.path("field").asText() + ": " + String.join("; ", details);
        }
        return "the request failed: " + code + ": " + error.path("message").asText();
    }

    private static Set<String> fired(JsonNode answer) {
        Set<String> out = new LinkedHashSet<>();
        answer.path("firedRules").forEach(f -> out.add(f.path("rule").asText()));
        return out;
    }

    private static Set<String> codes(JsonNode answer) {
        Set<String> out = new LinkedHashSet<>();
        answer.path("items")
                .forEach(i -> i.path("reasons")
                        .forEach(r -> out.add("reasons:" + r.path("code").asText())));
        answer.path("options")
                .forEach(i -> i.path("reasons")
                        .forEach(r -> out.add("reasons:" + r.path("code").asText())));
        answer.path("nextSteps").forEach(s -> out.add("steps:" + s.path("code").asText()));
        answer.path("warnings")
                .forEach(w -> out.add("warnings:" + w.path("code").asText()));
        answer.path("suggestions")
                .forEach(s -> out.add("suggestions:" + s.path("action").asText()));
        answer.path("pricing").path("lines").forEach(l -> {
            if (!l.path("promotion").isNull() && !l.path("promotion").isMissingNode()) {
                out.add("promotions:" + l.path("promotion").asText());
            }
        });
        return out;
    }
}
