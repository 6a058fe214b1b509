package com.addonconfigurator.shadow;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.request.RequestValidator;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a sample of the live evaluations to the candidate ruleset, off the request path: {@link
 * #offer} only draws the sample and puts the work on a bounded queue (dropped, and counted, when it
 * is full); one daemon worker at the lowest priority evaluates each on the candidate and compares
 * the decisions with the live answer's. Whatever the candidate does, it is counted as {@code
 * failed}: it never reaches a live answer. The counts and examples are kept per candidate version,
 * so a new candidate starts a new report.
 */
public final class ShadowEvaluator implements AutoCloseable {
    public static final List<String> RESULTS = List.of("same", "differs", "failed", "dropped");
    private static final Logger LOG = LoggerFactory.getLogger(ShadowEvaluator.class);
    private static final int TOP_FIELDS = 20;

    private record Job(JsonNode body, Language language, EvaluationResponse live) {}

    /** What one candidate version has shown. */
    private final class Tally {
        final String version;
        final Instant since;
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        final Map<String, LongAdder> fields = new ConcurrentHashMap<>();
        final Deque<ShadowReport.Example> examples = new ArrayDeque<>();

        Tally(String version, Instant since) {
            this.version = version;
            this.since = since;
            RESULTS.forEach(r -> counts.put(r, new LongAdder()));
        }

        void count(String result) {
            counts.get(result).increment();
            metrics.shadow(result, version);
        }

        synchronized void example(ShadowReport.Example example) {
            examples.addFirst(example);
            while (examples.size() > settings.examples()) {
                examples.removeLast();
            }
        }

        synchronized List<ShadowReport.Example> recent() {
            return List.copyOf(examples);
        }
    }

    private final RulesetRegistry candidate;
    private final Supplier<Ruleset> live;
    private final EvaluationService evaluation;
    private final ShadowSettings settings;
    private final Metrics metrics;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final BlockingQueue<Job> queue;
    private final Thread worker;
    private volatile Tally tally;

    /**
     * @param evaluation an evaluation service whose engine is the candidate's own (its own watchdog,
     *                   so a candidate stuck past the time limit never counts against /health)
     */
    public ShadowEvaluator(
            RulesetRegistry candidate,
            Supplier<Ruleset> live,
            EvaluationService evaluation,
            ShadowSettings settings,
            Metrics metrics,
            ObjectMapper mapper,
            Clock clock) {
        this.candidate = candidate;
        this.live = live;
        this.evaluation = evaluation;
        this.settings = settings;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queue());
        this.worker = new Thread(this::work, "shadow-evaluator");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
    }

    public ShadowEvaluator start() {
        worker.start();
        return this;
    }

    public RulesetRegistry candidate() {
        return candidate;
    }

    /** The share of live evaluations given to the candidate: drawn here, queued, never waited for. */
    public void offer(JsonNode body, Language language, EvaluationResponse liveAnswer) {
        if (ThreadLocalRandom.current().nextDouble() >= settings.sample()) {
            return;
        }
        Ruleset active = candidate.active();
        if (active == null) {
            return;
        }
        if (!queue.offer(new Job(body, language, liveAnswer))) {
            tallyFor(active).count("dropped");
        }
    }

    private Tally tallyFor(Ruleset active) {
        Tally t = tally;
        if (t == null || !t.version.equals(active.version())) {
            synchronized (this) {
                t = tally;
                if (t == null || !t.version.equals(active.version())) {
                    t = new Tally(active.version(), active.loadedAt());
                    tally = t;
                }
            }
        }
        return t;
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                compare(job);
            } catch (Throwable t) {
                LOG.warn("shadow evaluation failed outside the candidate's rules: {}", t.toString());
            }
        }
    }

    private void compare(Job job) {
        Ruleset active = candidate.active();
        if (active == null) {
            return;
        }
        Tally t = tallyFor(active);
        JsonNode liveJson = mapper.valueToTree(job.live());
        try {
            EvaluationResponse answer =
                    onCandidate(active, job.body(), job.language(), job.live().evaluationDate());
            List<AnswerDiff.Change> changes = AnswerDiff.between(liveJson, mapper.valueToTree(answer));
            if (changes.isEmpty()) {
                t.count("same");
                return;
            }
            t.count("differs");
            changes.forEach(c ->
                    t.fields.computeIfAbsent(c.path(), f -> new LongAdder()).increment());
            t.example(new ShadowReport.Example(clock.instant(), job.body(), differences(changes), null));
        } catch (Throwable failure) {
            t.count("failed");
            t.example(new ShadowReport.Example(clock.instant(), job.body(), List.of(), describe(failure)));
        }
    }

    private EvaluationResponse onCandidate(Ruleset active, JsonNode body, Language language, java.time.LocalDate day)
            throws InvalidRequestException, RulesFailedException {
        // the live answer's date: a request without one is "today" for both
        JsonNode dated = body.isObject() ? ((ObjectNode) body.deepCopy()).put("evaluationDate", day.toString()) : body;
        EvaluationRequest request = new RequestValidator(active.catalog()).validate(dated);
        return evaluation.evaluate(active, request, language, false);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof InvalidRequestException e) {
            return "the candidate refuses the request: " + e.problems();
        }
        return failure instanceof RulesFailedException ? failure.getMessage() : failure.toString();
    }

    private static List<ShadowReport.Difference> differences(List<AnswerDiff.Change> changes) {
        return changes.stream()
                .map(c -> new ShadowReport.Difference(c.path(), c.before(), c.after()))
                .toList();
    }

    /** The live and the candidate answer to one request, now, with each difference (the playground's). */
    public record Comparison(
            String liveVersion,
            String candidateVersion,
            EvaluationResponse live,
            EvaluationResponse candidate,
            List<ShadowReport.Difference> differences) {}

    public Comparison compareNow(JsonNode body, Language language)
            throws NotReadyException, InvalidRequestException, RulesFailedException {
        Ruleset liveRules = live.get();
        Ruleset active = candidate.active();
        if (liveRules == null || active == null) {
            throw new NotReadyException();
        }
        EvaluationRequest request = new RequestValidator(liveRules.catalog()).validate(body);
        EvaluationResponse liveAnswer = evaluation.evaluate(liveRules, request, language, false);
        EvaluationResponse candidateAnswer = onCandidate(active, body, language, liveAnswer.evaluationDate());
        return new Comparison(
                liveRules.version(),
                active.version(),
                liveAnswer,
                candidateAnswer,
                differences(AnswerDiff.between(mapper.valueToTree(liveAnswer), mapper.valueToTree(candidateAnswer))));
    }

    public ShadowReport report() {
        Ruleset active = candidate.active();
        Ruleset liveRules = live.get();
        ReloadAttempt last = candidate.lastAttempt();
        Object problems = last != null && !last.loaded() ? last : null;
        if (active == null) {
            return new ShadowReport(
                    last == null ? "LOADING" : "REFUSED",
                    null,
                    liveRules == null ? null : liveRules.version(),
                    null,
                    settings.sample(),
                    Map.of(),
                    List.of(),
                    List.of(),
                    problems);
        }
        Tally t = tallyFor(active);
        Map<String, Long> counts = new LinkedHashMap<>();
        RESULTS.forEach(r -> counts.put(r, t.counts.get(r).sum()));
        List<ShadowReport.FieldCount> top = new ArrayList<>();
        t.fields.forEach((field, n) -> top.add(new ShadowReport.FieldCount(field, n.sum())));
        top.sort(Comparator.comparingLong(ShadowReport.FieldCount::carts)
                .reversed()
                .thenComparing(ShadowReport.FieldCount::field));
        boolean isLive = liveRules != null && liveRules.contentHash().equals(active.contentHash());
        return new ShadowReport(
                isLive ? "LIVE" : "SHADOWING",
                active.version(),
                liveRules == null ? null : liveRules.version(),
                t.since,
                settings.sample(),
                counts,
                top.subList(0, Math.min(TOP_FIELDS, top.size())),
                t.recent(),
                problems);
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
