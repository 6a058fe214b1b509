package com.addonconfigurator.api;

import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.shadow.ShadowEvaluator;
import com.addonconfigurator.shadow.ShadowReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The candidate ruleset: {@code GET /api/v1/rules/candidate} (admin), what it has shown on live
 * traffic; {@code POST /api/v1/rules/candidate/compare}, a cart's live and candidate answers side
 * by side (the playground's). Without a candidate: the report says NONE and compare is 404.
 */
final class CandidateController {
    private final ShadowEvaluator shadow;
    private final JsonBody body;
    private final AdminAuth admin;
    private final Responses responses;
    private final Evaluations evaluations;
    private final Metrics metrics;

    CandidateController(
            ShadowEvaluator shadow,
            JsonBody body,
            AdminAuth admin,
            Responses responses,
            Evaluations evaluations,
            Metrics metrics) {
        this.shadow = shadow;
        this.body = body;
        this.admin = admin;
        this.responses = responses;
        this.evaluations = evaluations;
        this.metrics = metrics;
    }

    void report(Context ctx) throws HttpProblem {
        admin.require(ctx);
        responses.json(
                ctx,
                200,
                shadow == null
                        ? new ShadowReport("NONE", null, null, null, 0, Map.of(), List.of(), List.of(), null)
                        : shadow.report());
    }

    void compare(Context ctx) throws HttpProblem {
        if (shadow == null) {
            throw new HttpProblem(404, "NOT_FOUND", Map.of("path", ctx.path()));
        }
        JsonNode json = body.read(ctx);
        ShadowEvaluator.Comparison comparison =
                evaluations.run(ctx, metrics::evaluation, true, language -> shadow.compareNow(json, language));
        if (comparison != null) {
            responses.json(ctx, 200, comparison);
        }
    }
}
