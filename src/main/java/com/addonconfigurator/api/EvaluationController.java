package com.addonconfigurator.api;

import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.evaluation.OptionsResponse;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.request.InvalidRequestException;
import com.addonconfigurator.rules.RulesFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/evaluate} and {@code POST /api/v1/options}: body in, the service's answer out. */
final class EvaluationController {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationController.class);

    private final EvaluationService service;
    private final Metrics metrics;
    private final JsonBody body;
    private final Responses responses;
    private final Semaphore evaluations;

    EvaluationController(
            EvaluationService service, Metrics metrics, JsonBody body, Responses responses, int maxConcurrent) {
        this.service = service;
        this.metrics = metrics;
        this.body = body;
        this.responses = responses;
        this.evaluations = new Semaphore(maxConcurrent);
    }

    void evaluate(Context ctx) throws HttpProblem {
        boolean explain = "true".equalsIgnoreCase(ctx.queryParam("explain"));
        EvaluationResponse response = limited(ctx, (json, language) -> service.evaluate(json, language, explain));
        if (response != null) {
            metrics.evaluation(response.checkoutAllowed() ? "CHECKOUT_ALLOWED" : "CHECKOUT_NOT_ALLOWED");
            response.items().forEach(i -> i.reasons().forEach(r -> metrics.rejection(r.code())));
            ctx.header(HttpApi.VERSION_HEADER, response.rulesetVersion());
            responses.json(ctx, 200, response);
        }
    }

    void options(Context ctx) throws HttpProblem {
        OptionsResponse response = limited(ctx, service::options);
        if (response != null) {
            ctx.header(HttpApi.VERSION_HEADER, response.rulesetVersion());
            responses.json(ctx, 200, response);
        }
    }

    private interface Evaluation<T> {
        T run(JsonNode body, Language language) throws NotReadyException, InvalidRequestException, RulesFailedException;
    }

    /**
     * Reads the JSON body and runs an evaluation within the concurrency limit, turning its failures
     * into the contract's errors. Returns null when it answered an error itself.
     */
    private <T> T limited(Context ctx, Evaluation<T> evaluation) throws HttpProblem {
        JsonNode json = body.read(ctx);
        if (!evaluations.tryAcquire()) {
            metrics.evaluation("OVERLOADED");
            ctx.header("Retry-After", "1");
            throw new HttpProblem(503, "OVERLOADED", Map.of());
        }
        try {
            return evaluation.run(json, Responses.language(ctx));
        } catch (NotReadyException e) {
            metrics.evaluation("NOT_READY");
            throw new HttpProblem(503, "NOT_READY", Map.of());
        } catch (InvalidRequestException e) {
            metrics.evaluation("INVALID_REQUEST");
            responses.invalidRequest(ctx, e.problems());
            return null;
        } catch (RulesFailedException e) {
            metrics.evaluation("RULES_FAILED");
            LOG.error("rules failed: {}", e.getMessage(), e.getCause());
            throw new HttpProblem(500, "RULES_FAILED", Map.of("rule", e.rule() == null ? "?" : e.rule()));
        } finally {
            evaluations.release();
        }
    }
}
