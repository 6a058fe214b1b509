package com.addonconfigurator.api;

import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.OptionsResponse;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.shadow.ShadowEvaluator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** {@code POST /api/v1/evaluate} and {@code POST /api/v1/options}: body in, the service's answer out. */
final class EvaluationController {
    private final EvaluationService service;
    private final ShadowEvaluator shadow;
    private final Metrics metrics;
    private final JsonBody body;
    private final Responses responses;
    private final Evaluations evaluations;

    /** @param shadow what gives a share of the evaluations to the candidate rules; null without one */
    EvaluationController(
            EvaluationService service,
            ShadowEvaluator shadow,
            Metrics metrics,
            JsonBody body,
            Responses responses,
            Evaluations evaluations) {
        this.service = service;
        this.shadow = shadow;
        this.metrics = metrics;
        this.body = body;
        this.responses = responses;
        this.evaluations = evaluations;
    }

    void evaluate(Context ctx) throws HttpProblem {
        boolean explain = "true".equalsIgnoreCase(ctx.queryParam("explain"));
        JsonNode json = body.read(ctx);
        EvaluationResponse response =
                evaluations.run(ctx, metrics::evaluation, true, language -> service.evaluate(json, language, explain));
        if (response != null) {
            metrics.evaluation(response.checkoutAllowed() ? "CHECKOUT_ALLOWED" : "CHECKOUT_NOT_ALLOWED");
            response.items().forEach(i -> i.reasons().forEach(r -> metrics.rejection(r.code())));
            ctx.header(HttpApi.VERSION_HEADER, response.rulesetVersion());
            responses.json(ctx, 200, response);
            if (shadow != null) {
                shadow.offer(json, Responses.language(ctx), response); // queued, never waited for
            }
        }
    }

    void options(Context ctx) throws HttpProblem {
        JsonNode json = body.read(ctx);
        OptionsResponse response =
                evaluations.run(ctx, metrics::evaluation, true, language -> service.options(json, language));
        if (response != null) {
            ctx.header(HttpApi.VERSION_HEADER, response.rulesetVersion());
            responses.json(ctx, 200, response);
        }
    }
}
