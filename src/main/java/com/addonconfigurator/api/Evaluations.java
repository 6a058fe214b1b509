package com.addonconfigurator.api;

import com.addonconfigurator.evaluation.AnswerDiff;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.quotes.QuoteRefusedException;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.store.Database;
import com.addonconfigurator.store.StoreUnavailableException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the services' work for a request and turns every failure they report into the contract's
 * error, in one place: within the concurrency limit for work that evaluates, counting each outcome.
 */
final class Evaluations {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);

    interface Work<T> {
        T run(Language language) throws Exception;
    }

    private final Semaphore slots;
    private final Metrics metrics;
    private final Responses responses;

    Evaluations(int maxConcurrent, Metrics metrics, Responses responses) {
        this.slots = new Semaphore(maxConcurrent);
        this.metrics = metrics;
        this.responses = responses;
    }

    /**
     * Runs {@code work}, within the limit of concurrent evaluations when {@code evaluates}; each
     * failure is counted with {@code outcome}. Returns null when it answered an error itself.
     */
    <T> T run(Context ctx, Consumer<String> outcome, boolean evaluates, Work<T> work) throws HttpProblem {
        if (evaluates && !slots.tryAcquire()) {
            outcome.accept("OVERLOADED");
            ctx.header("Retry-After", "1");
            throw new HttpProblem(503, "OVERLOADED", Map.of());
        }
        try {
            return work.run(Responses.language(ctx));
        } catch (NotReadyException e) {
            outcome.accept("NOT_READY");
            throw new HttpProblem(503, "NOT_READY", Map.of());
        } catch (InvalidRequestException e) {
            outcome.accept("INVALID_REQUEST");
            responses.invalidRequest(ctx, e.problems());
            return null;
        } catch (RulesFailedException e) {
            outcome.accept("RULES_FAILED");
            LOG.error("rules failed: {}", e.getMessage(), e.getCause());
            throw new HttpProblem(500, "RULES_FAILED", Map.of("rule", e.rule() == null ? "?" : e.rule()));
        } catch (QuoteRefusedException e) {
            outcome.accept(e.reason().name());
            throw refused(ctx, e);
        } catch (StoreUnavailableException e) {
            outcome.accept("STORE_UNAVAILABLE");
            metrics.storeError();
            LOG.warn("quote store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", String.valueOf(Math.max(1, Database.RETRY_AFTER.toSeconds())));
            throw new HttpProblem(503, "STORE_UNAVAILABLE", Map.of());
        } catch (HttpProblem | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (evaluates) {
                slots.release();
            }
        }
    }

    private static HttpProblem refused(Context ctx, QuoteRefusedException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> new HttpProblem(404, "NOT_FOUND", Map.of("path", ctx.path()));
            case EXPIRED -> new HttpProblem(410, "QUOTE_EXPIRED", Map.of());
            case NOT_ALLOWED ->
                new HttpProblem(
                        422,
                        "QUOTE_NOT_ALLOWED",
                        Map.of("count", e.rejected().size()),
                        e.rejected().stream()
                                .flatMap(item -> item.reasons().stream()
                                        .map(r -> new ApiError.Detail(
                                                "items." + item.code(), r.message(), r.code(), null, null)))
                                .toList());
            case CHANGED ->
                new HttpProblem(
                        409, "QUOTE_CHANGED", Map.of("count", e.changes().size()), differences(e.changes()));
        };
    }

    /** Each change as a detail: the field, in words, its value when quoted and its value now. */
    static List<ApiError.Detail> differences(List<AnswerDiff.Change> changes) {
        return changes.stream()
                .map(c -> new ApiError.Detail(c.path(), c.toString(), null, c.before(), c.after()))
                .toList();
    }
}
