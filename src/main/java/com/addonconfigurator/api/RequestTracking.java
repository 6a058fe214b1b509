package com.addonconfigurator.api;

import com.addonconfigurator.metrics.Metrics;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** A request id on every log line of a request and on its response, and each request timed in the metrics. */
final class RequestTracking {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String STARTED = "started-nanos";
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Metrics metrics;

    RequestTracking(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Before every request: the client's id when it is a plain one, else a new one. */
    void begin(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String given = ctx.header(REQUEST_ID_HEADER);
        String id = given != null && VALID_ID.matcher(given).matches()
                ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        MDC.put("requestId", id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    /** After every request: its route (the template, never the path asked), status and time. */
    void end(Context ctx, Float ms) {
        String route;
        try {
            route = ctx.endpoints().lastHttpEndpoint().path;
        } catch (RuntimeException none) {
            route = "unmatched";
        }
        if (ctx.status().getCode() == 404) {
            route = "unmatched";
        }
        Long started = ctx.attribute(STARTED);
        Duration took = started != null
                ? Duration.ofNanos(System.nanoTime() - started)
                : Duration.ofNanos((long) (ms * 1_000_000));
        metrics.httpRequest(ctx.method().name(), route, ctx.status().getCode(), took);
        MDC.remove("requestId");
    }
}
