package com.addonconfigurator.quotes;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoadException;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.store.StoreUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Re-runs a quote's request on the ruleset archived with it and compares the answer with the one
 * kept, everything included (texts too): on any replica, after any reload or restart, it must be
 * identical. A ruleset built from its archive is kept for the next replays (the last few).
 */
public final class Replayer {
    private static final int KEPT = 4;

    private final QuoteService quotes;
    private final QuoteStore store;
    private final Supplier<Ruleset> activeRuleset;
    private final RulesetLoader loader;
    private final EvaluationService evaluation;
    private final ObjectMapper mapper;
    private final Map<String, Ruleset> built = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ruleset> eldest) {
            return size() > KEPT;
        }
    };

    public Replayer(
            QuoteService quotes,
            QuoteStore store,
            Supplier<Ruleset> activeRuleset,
            RulesetLoader loader,
            EvaluationService evaluation,
            ObjectMapper mapper) {
        this.quotes = quotes;
        this.store = store;
        this.activeRuleset = activeRuleset;
        this.loader = loader;
        this.evaluation = evaluation;
        this.mapper = mapper;
    }

    /** The outcome of a replay: whether the answer is the one kept, and every difference if not. */
    public record Replay(String quoteId, String rulesetVersion, boolean identical, List<Difference> differences) {
        static Replay of(Quote quote, List<AnswerDiff.Change> changes) {
            return new Replay(
                    quote.id(),
                    quote.rulesetVersion(),
                    changes.isEmpty(),
                    changes.stream()
                            .map(c -> new Difference(c.path(), c.before(), c.after()))
                            .toList());
        }
    }

    /** A field of the answer that differs: its value as kept ({@code quoted}) and on replay ({@code now}). */
    public record Difference(String field, JsonNode quoted, JsonNode now) {}

    public Replay replay(String quoteId) throws QuoteRefusedException, StoreUnavailableException {
        Quote quote = quotes.find(quoteId);
        String version = quote.rulesetVersion();
        Optional<ArchivedRuleset> archived = store.ruleset(version);
        if (archived.isEmpty()) {
            return failed(quote, "no archived ruleset " + version);
        }
        Ruleset ruleset;
        try {
            ruleset = ruleset(archived.get());
        } catch (RulesetLoadException e) {
            return failed(quote, "the archived ruleset does not load: " + e.problems());
        }
        if (!ruleset.contentHash().equals(archived.get().contentHash())) {
            return failed(quote, "the archived files do not give the archived ruleset's hash");
        }
        try {
            var request = new RequestValidator(ruleset.catalog()).validate(quotes.read(quote.request()));
            EvaluationResponse answer =
                    evaluation.evaluate(ruleset, request, Language.fromTag(quote.language()), false);
            List<AnswerDiff.Change> differences =
                    AnswerDiff.everything(quotes.read(quote.answer()), mapper.valueToTree(answer));
            return Replay.of(quote, differences);
        } catch (InvalidRequestException e) {
            return failed(quote, "the archived ruleset refuses the request: " + e.problems());
        } catch (RulesFailedException e) {
            return failed(quote, "the archived ruleset failed: " + e.getMessage());
        }
    }

    private static Replay failed(Quote quote, String why) {
        return Replay.of(
                quote,
                List.of(new AnswerDiff.Change(
                        "rulesetVersion", TextNode.valueOf(quote.rulesetVersion()), TextNode.valueOf(why))));
    }

    /** The archived ruleset, built (the active one when it has the same content). */
    private Ruleset ruleset(ArchivedRuleset archived) throws RulesetLoadException {
        Ruleset active = activeRuleset.get();
        if (active != null && active.contentHash().equals(archived.contentHash())) {
            return active;
        }
        synchronized (built) {
            Ruleset ruleset = built.get(archived.contentHash());
            if (ruleset == null) {
                ruleset = loader.load(archived.files());
                built.put(archived.contentHash(), ruleset);
            }
            return ruleset;
        }
    }
}
