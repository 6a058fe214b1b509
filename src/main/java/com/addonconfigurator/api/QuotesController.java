package com.addonconfigurator.api;

import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.quotes.ArchivedRuleset;
import com.addonconfigurator.quotes.Quote;
import com.addonconfigurator.quotes.QuoteService;
import com.addonconfigurator.quotes.Replayer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quote endpoints: create, read, confirm, replay (admin), and the archived rulesets (admin).
 * HTTP only; what a quote is and does is the {@link QuoteService}'s.
 */
final class QuotesController {
    static final String QUOTES = "/api/v1/quotes";

    private final QuoteService service;
    private final Replayer replayer;
    private final Metrics metrics;
    private final JsonBody body;
    private final Responses responses;
    private final Evaluations evaluations;
    private final AdminAuth admin;

    QuotesController(
            QuoteService service,
            Replayer replayer,
            Metrics metrics,
            JsonBody body,
            Responses responses,
            Evaluations evaluations,
            AdminAuth admin) {
        this.service = service;
        this.replayer = replayer;
        this.metrics = metrics;
        this.body = body;
        this.responses = responses;
        this.evaluations = evaluations;
        this.admin = admin;
    }

    /** A quote as the API shows it: {@code answer} is the stored evaluate answer, byte for byte. */
    record QuoteView(
            String quoteId,
            String reference,
            Instant createdAt,
            Instant validUntil,
            String status,
            String rulesetVersion,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String confirmedRulesetVersion,
            @JsonRawValue String answer) {

        static QuoteView of(Quote q, Instant now, boolean explain) {
            return new QuoteView(
                    q.id(),
                    q.reference(),
                    q.createdAt(),
                    q.validUntil(),
                    q.status(now).name(),
                    q.rulesetVersion(),
                    q.confirmedAt(),
                    q.confirmedRulesetVersion(),
                    explain ? q.explained() : q.answer());
        }
    }

    record RulesetView(String version, String contentHash, Instant archivedAt, Map<String, String> files) {}

    void create(Context ctx) throws HttpProblem {
        JsonNode json = body.read(ctx);
        Quote quote = evaluations.run(ctx, metrics::quote, true, language -> service.create(json, language));
        if (quote != null) {
            metrics.quote("CREATED");
            ctx.header("Location", QUOTES + "/" + quote.id());
            ctx.header(HttpApi.VERSION_HEADER, quote.rulesetVersion());
            responses.json(ctx, 201, QuoteView.of(quote, service.now(), false));
        }
    }

    void read(Context ctx) throws HttpProblem {
        boolean explain = "true".equalsIgnoreCase(ctx.queryParam("explain"));
        String id = ctx.pathParam("id");
        Quote quote = evaluations.run(ctx, metrics::quote, false, language -> service.find(id));
        if (quote != null) {
            responses.json(ctx, 200, QuoteView.of(quote, service.now(), explain));
        }
    }

    void confirm(Context ctx) throws HttpProblem {
        String id = ctx.pathParam("id");
        Quote quote = evaluations.run(ctx, metrics::quote, true, language -> service.confirm(id));
        if (quote != null) {
            metrics.quote("CONFIRMED");
            ctx.header(HttpApi.VERSION_HEADER, quote.confirmedRulesetVersion());
            responses.json(ctx, 200, QuoteView.of(quote, service.now(), false));
        }
    }

    void replay(Context ctx) throws HttpProblem {
        admin.require(ctx);
        String id = ctx.pathParam("id");
        Replayer.Replay replay = evaluations.run(ctx, metrics::quote, true, language -> replayer.replay(id));
        if (replay != null) {
            responses.json(ctx, 200, replay);
        }
    }

    void ruleset(Context ctx) throws HttpProblem {
        admin.require(ctx);
        String version = ctx.pathParam("version");
        Optional<ArchivedRuleset> archived =
                evaluations.run(ctx, metrics::quote, false, language -> service.ruleset(version));
        if (archived == null) {
            return;
        }
        if (archived.isEmpty()) {
            throw new HttpProblem(404, "NOT_FOUND", Map.of("path", ctx.path()));
        }
        ArchivedRuleset a = archived.get();
        Map<String, String> files = new LinkedHashMap<>();
        a.files().forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
        responses.json(ctx, 200, new RulesetView(a.version(), a.contentHash(), a.archivedAt(), files));
    }
}
