package com.addonconfigurator.api;

import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.FieldProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes answers: JSON bodies, and every error in the contract's shape, in the language asked. */
final class Responses {
    /** A body with thousands of bad fields gets the first ones listed, not a response as large. */
    private static final int MAX_DETAILS = 50;

    /** Set on a request whose error is written, so that Javalin's status handlers leave it be. */
    static final String HANDLED = "error-handled";

    private final ObjectMapper mapper;
    private final ErrorMessages messages;

    Responses(ObjectMapper mapper, ErrorMessages messages) {
        this.mapper = mapper;
        this.messages = messages;
    }

    void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }

    /**
     * The error shape with the code's message, its placeholders filled from {@code values}. A
     * {@code detail} (the JSON parser's own words, in English) goes in {@code details}, so that the
     * message is wholly in the language asked.
     */
    void error(Context ctx, int status, String code, Map<String, ?> values) {
        error(ctx, status, code, values, null);
    }

    /** The error shape with {@code details} (the first fifty), when they are given. */
    void error(Context ctx, int status, String code, Map<String, ?> values, List<ApiError.Detail> details) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        String message = messages.error(code, language(ctx), values);
        if (details != null) {
            List<ApiError.Detail> first = details.subList(0, Math.min(details.size(), MAX_DETAILS));
            String field = first.isEmpty() ? null : first.get(0).field();
            json(ctx, status, new ApiError(new ApiError.Body(code, message, field, first, null, null)));
            return;
        }
        Object detail = values.get("detail");
        json(
                ctx,
                status,
                detail == null
                        ? ApiError.of(code, message)
                        : new ApiError(new ApiError.Body(
                                code,
                                message,
                                FieldProblem.ROOT,
                                List.of(new ApiError.Detail(FieldProblem.ROOT, detail.toString())),
                                null,
                                null)));
    }

    /** 400 INVALID_REQUEST with a detail per field (the first fifty). */
    void invalidRequest(Context ctx, List<FieldProblem> problems) {
        Language language = language(ctx);
        List<ApiError.Detail> details = new ArrayList<>();
        for (FieldProblem p : problems.subList(0, Math.min(problems.size(), MAX_DETAILS))) {
            details.add(new ApiError.Detail(p.path(), p.message(messages, language)));
        }
        String message = messages.error(
                "INVALID_REQUEST", language, Map.of("first", details.get(0).message()));
        json(
                ctx,
                400,
                new ApiError(new ApiError.Body(
                        "INVALID_REQUEST", message, details.get(0).field(), details, null, null)));
    }

    /** An error with more than a message: the reload's problems and the version still active. */
    void rejected(Context ctx, int status, String code, Object problems, String activeVersion) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        String message = messages.error(code, language(ctx), Map.of());
        json(ctx, status, new ApiError(new ApiError.Body(code, message, null, null, problems, activeVersion)));
    }

    static Language language(Context ctx) {
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
    }
}
