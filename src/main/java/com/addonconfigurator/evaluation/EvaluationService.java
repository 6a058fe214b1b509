package com.addonconfigurator.evaluation;

import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.rules.Decisions;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.facts.Item;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates a cart: validates the request against the active ruleset's catalog, turns it into facts,
 * runs the rules and reads the decisions back into the API's response. Knows nothing of HTTP.
 */
public final class EvaluationService {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final Supplier<Ruleset> activeRuleset;
    private final RuleEngine engine;
    private final Clock clock;

    public EvaluationService(Supplier<Ruleset> activeRuleset, RuleEngine engine, Clock clock) {
        this.activeRuleset = activeRuleset;
        this.engine = engine;
        this.clock = clock;
    }

    public EvaluationResponse evaluate(JsonNode body, Language language, boolean explain)
            throws NotReadyException, InvalidRequestException, RulesFailedException {
        Ruleset ruleset = activeRuleset.get();
        if (ruleset == null) {
            throw new NotReadyException();
        }
        EvaluationRequest request = new RequestValidator(ruleset.catalog()).validate(body);
        return evaluate(ruleset, request, language, explain);
    }

    /**
     * For the customer's context and cart so far: every plan (while the cart has none), module and
     * users, with the decision it would get if added ({@link OptionsEvaluator}).
     */
    public OptionsResponse options(JsonNode body, Language language)
            throws NotReadyException, InvalidRequestException, RulesFailedException {
        Ruleset ruleset = activeRuleset.get();
        if (ruleset == null) {
            throw new NotReadyException();
        }
        EvaluationRequest request = new RequestValidator(ruleset.catalog()).validate(body);
        EvaluationRequest dated = withDate(request);
        return new OptionsEvaluator(this, ruleset, dated.evaluationDate(), language).options(dated);
    }

    public EvaluationResponse evaluate(Ruleset ruleset, EvaluationRequest request, Language language, boolean explain)
            throws RulesFailedException {
        request = withDate(request);
        return evaluate(ruleset, request, language, explain, request.evaluationDate());
    }

    /**
     * The request evaluated with the catalog and the scheduled rules as they are on {@code rulesDay}
     * (normally its own evaluation date): what {@code boundaries} compares a boundary's day with, the
     * rules of the day before against the rules of the day, on the same cart and date.
     */
    public EvaluationResponse evaluate(
            Ruleset ruleset, EvaluationRequest request, Language language, boolean explain, LocalDate rulesDay)
            throws RulesFailedException {
        request = withDate(request);
        Catalog catalog = ruleset.catalog().on(rulesDay);
        List<Item> items = FactMapper.items(request.cart(), catalog);
        Decisions decisions = engine.run(ruleset, rulesDay, FactMapper.facts(request, catalog, items), explain);
        return new ResponseView(ruleset, catalog, request, decisions, items, language).response(explain);
    }

    /** Today in Europe/Rome: the evaluation date of a request that gives none. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ROME));
    }

    /** The request with its evaluation date: today in Rome when it gives none. */
    EvaluationRequest withDate(EvaluationRequest request) {
        return request.evaluationDate() != null ? request : request.withEvaluationDate(today());
    }
}
