package com.addonconfigurator.cli;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.ScenarioFileException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code diff --base DIR --candidate DIR [--carts FILE.jsonl]}: evaluates every scenario's request
 * (of both folders) and every request line of the carts file with both rulesets, and prints each
 * request whose decisions differ, as before → after. Messages are not decisions and are not
 * compared. Exit 0 when nothing differs, 1 when something does, 2 on a usage or load error.
 */
final class DiffCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final ObjectMapper mapper = Json.newMapper();

    DiffCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> raw) {
        Args args;
        RuleEngine engine;
        try {
            args = Args.parse(raw, Set.of("--base", "--candidate", "--carts", Args.FIRING_LIMIT), Set.of());
            engine = args.engine(env);
            if (!args.positional.isEmpty()
                    || !args.options.containsKey("--base")
                    || !args.options.containsKey("--candidate")) {
                throw new Args.UsageException("diff needs --base DIR and --candidate DIR");
            }
        } catch (Args.UsageException e) {
            err.println("diff: " + e.getMessage() + "\n" + Cli.usage());
            return Cli.USAGE;
        }
        Path baseDir = Path.of(args.options.get("--base"));
        Path candidateDir = Path.of(args.options.get("--candidate"));
        Ruleset base = Rulesets.load(baseDir, err, env);
        Ruleset candidate = Rulesets.load(candidateDir, err, env);
        if (base == null || candidate == null) {
            return Cli.USAGE;
        }
        List<LabelledRequest> requests;
        try {
            requests = requests(baseDir, candidateDir, args.options.get("--carts"));
        } catch (IOException | ScenarioFileException e) {
            err.println("diff: " + e.getMessage());
            return Cli.USAGE;
        }
        EvaluationService before = new EvaluationService(() -> base, engine, Clock.systemUTC());
        EvaluationService after = new EvaluationService(() -> candidate, engine, Clock.systemUTC());
        int differing = 0;
        for (LabelledRequest r : requests) {
            List<AnswerDiff.Change> changes = AnswerDiff.between(answer(before, r.body()), answer(after, r.body()));
            if (!changes.isEmpty()) {
                differing++;
                out.println(r.label());
                changes.forEach(c -> out.println("  " + c));
            }
        }
        out.println(differing + " of " + requests.size() + " requests differ");
        return differing == 0 ? 0 : 1;
    }

    private List<LabelledRequest> requests(Path baseDir, Path candidateDir, String carts)
            throws IOException, ScenarioFileException {
        Map<String, LabelledRequest> unique = new LinkedHashMap<>();
        for (Path dir : new LinkedHashSet<>(List.of(baseDir, candidateDir))) {
            for (LabelledRequest r : LabelledRequest.scenarios(dir, s -> true)) {
                unique.putIfAbsent(r.body().toString(), r);
            }
        }
        List<LabelledRequest> out = new ArrayList<>(unique.values());
        if (carts != null) {
            out.addAll(LabelledRequest.cartsFile(carts, mapper));
        }
        return out;
    }

    /** One evaluation's answer, or the error it gives. */
    private JsonNode answer(EvaluationService service, JsonNode request) {
        return LabelledRequest.answerOrError(mapper, () -> {
            try {
                return service.evaluate(request, Language.IT, false);
            } catch (NotReadyException e) {
                throw new IllegalStateException(e); // the ruleset is given: always ready
            }
        });
    }
}
