package com.addonconfigurator.cli;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.KeyedAnswer;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.FieldProblem;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.Report;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code record [FILE|-] [--rules DIR] [--name NAME] [--language it|en] [--with-messages]}: evaluates
 * one request (a file, or standard input) and prints a scenario file whose {@code expect} is today's
 * answer, for QA to trim. Messages are left out unless asked for; the evaluation date is written in.
 */
final class RecordCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final ObjectMapper mapper = Json.newMapper();

    RecordCommand(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    int run(List<String> raw) {
        Args args;
        RuleEngine engine;
        try {
            args = Args.parse(
                    raw, Set.of("--rules", "--name", "--language", Args.FIRING_LIMIT), Set.of("--with-messages"));
            engine = args.engine(env);
            if (args.positional.size() > 1) {
                throw new Args.UsageException("record takes one FILE (or - for standard input)");
            }
        } catch (Args.UsageException e) {
            err.println("record: " + e.getMessage() + "\n" + Cli.usage());
            return Cli.USAGE;
        }
        String source = args.positional.isEmpty() ? "-" : args.positional.get(0);
        ObjectNode request;
        try {
            byte[] bytes = source.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(source));
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IOException("the request must be a JSON object");
            }
            request = (ObjectNode) node;
        } catch (IOException e) {
            err.println("record: cannot read a JSON request from " + source + ": " + e.getMessage());
            return Cli.USAGE;
        }
        Ruleset ruleset = Rulesets.load(args.rulesDir(env), err, env);
        if (ruleset == null) {
            return 1;
        }
        if (!request.hasNonNull("evaluationDate")) {
            request.put(
                    "evaluationDate",
                    LocalDate.now(Clock.systemUTC().withZone(EvaluationService.ROME))
                            .toString());
        }
        String language = args.get("--language", "it");
        JsonNode answer;
        try {
            answer = mapper.valueToTree(new EvaluationService(() -> ruleset, engine, Clock.systemUTC())
                    .evaluate(request, Language.fromTag(language), false));
        } catch (InvalidRequestException e) {
            ErrorMessages messages = ErrorMessages.load();
            List<String> problems = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                problems.add(p.message(messages, Language.EN));
            }
            err.println("record: the request is not valid: " + String.join("; ", problems));
            return 1;
        } catch (Exception e) {
            err.println("record: the request cannot be evaluated: " + e.getMessage());
            return 1;
        }
        ObjectNode expect = KeyedAnswer.of(answer);
        expect.remove("rulesetVersion");
        if (!args.options.containsKey("--with-messages")) {
            AnswerDiff.withoutTexts(expect);
        }
        ObjectNode file = mapper.createObjectNode();
        ArrayNode scenarios = file.putArray("scenarios");
        ObjectNode scenario = scenarios.addObject();
        scenario.put("name", args.get("--name", "recorded on " + LocalDate.now(Clock.systemUTC())));
        scenario.putArray("covers");
        if (!language.equals("it")) {
            scenario.put("language", language);
        }
        scenario.set("given", request);
        scenario.set("expect", expect);
        out.print("# Recorded from today's answer: trim it to what the scenario is about, and fill in covers.\n");
        out.print(Report.yaml(file));
        return 0;
    }
}
