package com.addonconfigurator.quotes;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.request.FieldProblem;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.store.StoreUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes, reads and confirms quotes: a cart priced today by the active ruleset and kept, with that
 * ruleset archived, so that checkout can hold to it and anyone can re-run it ({@link Replayer}).
 */
public final class QuoteService {
    public static final int MAX_REFERENCE_LENGTH = 100;
    public static final String REFERENCE = "reference";
    private static final String REJECTED = "REJECTED";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{1,64}");

    private final Supplier<Ruleset> activeRuleset;
    private final EvaluationService evaluation;
    private final QuoteStore store;
    private final QuoteSettings settings;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public QuoteService(
            Supplier<Ruleset> activeRuleset,
            EvaluationService evaluation,
            QuoteStore store,
            QuoteSettings settings,
            Clock clock,
            ObjectMapper mapper) {
        this.activeRuleset = activeRuleset;
        this.evaluation = evaluation;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.mapper = mapper;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Prices an evaluate request (plus an optional {@code reference}) today with the active ruleset
     * and keeps it, with its explanation and the ruleset archived, in one transaction.
     */
    public Quote create(JsonNode body, Language language)
            throws NotReadyException, InvalidRequestException, RulesFailedException, QuoteRefusedException,
                    StoreUnavailableException {
        Ruleset ruleset = activeRuleset.get();
        if (ruleset == null) {
            throw new NotReadyException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        String reference = reference(body, problems);
        JsonNode request =
                body != null && body.isObject() ? ((ObjectNode) body).deepCopy().without(REFERENCE) : body;
        LocalDate today = LocalDate.now(clock.withZone(EvaluationService.ROME));
        EvaluationRequest valid = null;
        try {
            valid = new RequestValidator(ruleset.catalog()).validate(request);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (valid != null
                && valid.evaluationDate() != null
                && !valid.evaluationDate().equals(today)) {
            problems.add(new FieldProblem("evaluationDate", "NOT_TODAY", Map.of("today", today.toString())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        EvaluationResponse explained = evaluation.evaluate(ruleset, valid.withEvaluationDate(today), language, true);
        EvaluationResponse answer = explained.withoutExplanation();
        if (!answer.checkoutAllowed()) {
            throw QuoteRefusedException.notAllowed(answer.items().stream()
                    .filter(i -> REJECTED.equals(i.status()))
                    .toList());
        }
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant endOfDay =
                today.plusDays(1).atStartOfDay(EvaluationService.ROME).toInstant();
        Instant validUntil =
                settings.ttl() == null || createdAt.plus(settings.ttl()).isAfter(endOfDay)
                        ? endOfDay
                        : createdAt.plus(settings.ttl());
        ((ObjectNode) request).put("evaluationDate", today.toString());
        Quote quote = new Quote(
                newId(),
                reference,
                createdAt,
                validUntil,
                ruleset.version(),
                language.tag(),
                json(request),
                json(answer),
                json(explained),
                null,
                null);
        store.insert(quote, ruleset.contentHash(), ruleset.sources());
        return quote;
    }

    private static String reference(JsonNode body, List<FieldProblem> problems) {
        JsonNode value = body == null ? null : body.get(REFERENCE);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new FieldProblem(REFERENCE, "WRONG_TYPE", Map.of("expected", "string")));
            return null;
        }
        if (value.textValue().codePointCount(0, value.textValue().length()) > MAX_REFERENCE_LENGTH) {
            problems.add(new FieldProblem(REFERENCE, "TOO_LONG", Map.of("max", MAX_REFERENCE_LENGTH)));
            return null;
        }
        return value.textValue();
    }

    /** The quote with that id; NOT_FOUND for an unknown id and for one that cannot be an id. */
    public Quote find(String id) throws QuoteRefusedException, StoreUnavailableException {
        Optional<Quote> quote = ID.matcher(id).matches() ? store.find(id) : Optional.empty();
        return quote.orElseThrow(() -> QuoteRefusedException.of(QuoteRefusedException.Reason.NOT_FOUND));
    }

    /** An archived ruleset's files by its version; empty for an unknown version or one that cannot be. */
    public Optional<ArchivedRuleset> ruleset(String version) throws StoreUnavailableException {
        return VERSION.matcher(version).matches() ? store.ruleset(version) : Optional.empty();
    }

    /**
     * Confirms an open quote when the active ruleset decides exactly as it was quoted (the same
     * evaluation date, language and cart). Confirming a confirmed quote returns it unchanged; of two
     * confirmations at once, on any replicas, one is written and both return it.
     */
    public Quote confirm(String id)
            throws QuoteRefusedException, StoreUnavailableException, NotReadyException, RulesFailedException {
        Quote quote = find(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        switch (quote.status(now)) {
            case CONFIRMED -> {
                return quote;
            }
            case EXPIRED -> throw QuoteRefusedException.of(QuoteRefusedException.Reason.EXPIRED);
            case OPEN -> {}
        }
        Ruleset ruleset = activeRuleset.get();
        if (ruleset == null) {
            throw new NotReadyException();
        }
        List<AnswerDiff.Change> changes;
        try {
            EvaluationRequest request = new RequestValidator(ruleset.catalog()).validate(read(quote.request()));
            EvaluationResponse current =
                    evaluation.evaluate(ruleset, request, Language.fromTag(quote.language()), false);
            changes = AnswerDiff.between(read(quote.answer()), mapper.valueToTree(current));
        } catch (InvalidRequestException e) {
            // the catalog no longer takes the cart as it was (a module withdrawn, say)
            changes = e.problems().stream()
                    .map(p -> new AnswerDiff.Change("request." + p.path(), null, TextNode.valueOf(p.code())))
                    .toList();
        }
        if (!changes.isEmpty()) {
            throw QuoteRefusedException.changed(changes);
        }
        if (store.confirm(id, now, ruleset.version())) {
            return quote.confirmed(now, ruleset.version());
        }
        return find(id);
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored quote is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a quote", e);
        }
    }
}
