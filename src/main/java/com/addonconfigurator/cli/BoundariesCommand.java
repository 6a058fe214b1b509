package com.addonconfigurator.cli;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.rules.ChangeCalendar;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.Scenario;
import com.addonconfigurator.scenarios.ScenarioFileException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code boundaries [--rules DIR] [--from DATE] [--to DATE] [--carts FILE]}: for every day in the
 * range on which a price, rate, term, promotion or scheduled rule changes ({@link ChangeCalendar}),
 * evaluates every scenario's request that moves (and every cart of the file) on that day twice:
 * with the catalog and rules of the day before, and with those of the day. Prints, per boundary, the
 * requests whose decisions differ, as {@code diff} prints them. Comparing on the same day keeps out
 * what a date alone changes (terms, prorated months): only the change itself shows. Exit 0 when
 * nothing differs, 1 when something does, 2 on a usage or load error.
 */
final class BoundariesCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final ObjectMapper mapper = Json.newMapper();

    BoundariesCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> raw) {
        Args args;
        RuleEngine engine;
        LocalDate from;
        LocalDate to;
        try {
            args = Args.parse(raw, Set.of("--rules", "--from", "--to", "--carts", Args.FIRING_LIMIT), Set.of());
            if (!args.positional.isEmpty()) {
                throw new Args.UsageException("boundaries takes no folder argument: use --rules DIR");
            }
            engine = args.engine(env);
            from = date(args, "--from", LocalDate.now(Clock.system(EvaluationService.ROME)));
            to = date(args, "--to", null);
            if (to != null && to.isBefore(from)) {
                throw new Args.UsageException("--to (" + to + ") is before --from (" + from + ")");
            }
        } catch (Args.UsageException e) {
            err.println("boundaries: " + e.getMessage() + "\nusage: java -jar addon-configurator.jar "
                    + "boundaries [--rules DIR] [--from DATE] [--to DATE] [--carts FILE]");
            return Cli.USAGE;
        }
        Path rulesDir = args.rulesDir(env);
        Ruleset ruleset = Rulesets.load(rulesDir, err, env);
        if (ruleset == null) {
            return Cli.USAGE;
        }
        List<LabelledRequest> requests;
        try {
            requests = requests(rulesDir, args.options.get("--carts"));
        } catch (IOException | ScenarioFileException e) {
            err.println("boundaries: " + e.getMessage());
            return Cli.USAGE;
        }
        EvaluationService service = new EvaluationService(() -> ruleset, engine, Clock.systemUTC());
        int boundaries = 0;
        int differing = 0;
        for (ChangeCalendar.Day day : ChangeCalendar.from(ruleset, from)) {
            if (to != null && day.date().isAfter(to)) {
                break;
            }
            boundaries++;
            out.println(day.date() + ": " + describe(day));
            int here = 0;
            for (LabelledRequest r : requests) {
                ObjectNode moved = ((ObjectNode) r.body().deepCopy())
                        .put("evaluationDate", day.date().toString());
                List<AnswerDiff.Change> changes = AnswerDiff.between(
                        answer(service, ruleset, moved, day.date().minusDays(1)),
                        answer(service, ruleset, moved, day.date()));
                if (!changes.isEmpty()) {
                    here++;
                    out.println("  " + r.label());
                    changes.forEach(c -> out.println("    " + c));
                }
            }
            out.println("  " + here + " of " + requests.size() + " requests differ");
            differing += here;
        }
        out.println(boundaries + " boundaries from " + from + (to == null ? "" : " to " + to) + "; " + differing
                + " answers differ");
        return differing == 0 ? 0 : 1;
    }

    private static String describe(ChangeCalendar.Day day) {
        List<String> parts = new ArrayList<>();
        for (ChangeCalendar.Change c : day.changes()) {
            parts.add(c.what() + (c.code() == null ? "" : " " + c.code()) + " " + c.before() + " → " + c.after());
        }
        return String.join("; ", parts);
    }

    private static LocalDate date(Args args, String option, LocalDate dflt) throws Args.UsageException {
        String raw = args.options.get(option);
        if (raw == null) {
            return dflt;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new Args.UsageException(option + " must be a date in the form YYYY-MM-DD, not '" + raw + "'");
        }
    }

    /** Every scenario of the rules folder that moves with the boundaries, then every cart of the file. */
    private List<LabelledRequest> requests(Path rulesDir, String carts) throws IOException, ScenarioFileException {
        List<LabelledRequest> requests = LabelledRequest.scenarios(
                rulesDir, s -> s.moves() && s.endpoint().equals(Scenario.EVALUATE));
        if (carts != null) {
            requests.addAll(LabelledRequest.cartsFile(carts, mapper));
        }
        return requests;
    }

    /** The answer with the rules of {@code rulesDay}, or the error it gives. */
    private JsonNode answer(EvaluationService service, Ruleset ruleset, JsonNode body, LocalDate rulesDay) {
        return LabelledRequest.answerOrError(
                mapper,
                () -> service.evaluate(
                        ruleset, new RequestValidator(ruleset.catalog()).validate(body), Language.IT, false, rulesDay));
    }
}
