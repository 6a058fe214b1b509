package com.addonconfigurator.api;

import com.addonconfigurator.cart.FieldProblem;
import com.addonconfigurator.cart.InvalidRequestException;
import com.addonconfigurator.catalog.Language;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.NotReadyException;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import com.addonconfigurator.rules.RulesFailedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.addonconfigurator.evaluation.OptionsResponse;
import com.addonconfigurator.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.MDC;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: routes, content negotiation, size limits and the JSON error shape of api.md. Does
 * HTTP only; evaluation is the {@link EvaluationService}'s, the rules folder the registry's.
 */
public final class HttpApi {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * Answers smaller than this go uncompressed even to a client that accepts gzip (every browser).
     * They fit in TCP's first flight (ten segments, about 14 KB), so compressing them saves no round
     * trip, while gzip cost an evaluation about 25 µs of server CPU, a sixth of its cost (Javalin
     * compresses from 1,500 bytes; an evaluation's answer is 1.7 KB, 9.6 KB with everything in the
     * cart and explain=true). The OpenAPI document and the playground's script are still compressed.
     */
    static final int COMPRESS_FROM_BYTES = 12 * 1024;
    public static final String VERSION_HEADER = "X-Ruleset-Version";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String HANDLED = "error-handled";

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String STARTED = "started-nanos";
    /** A body with thousands of bad fields gets the first ones listed, not a response as large. */
    private static final int MAX_DETAILS = 50;
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final EvaluationService service;
    private final RulesetRegistry registry;
    private final Metrics metrics;
    private final HttpSettings settings;
    private final CatalogView catalogView = new CatalogView();
    private final ErrorMessages messages = ErrorMessages.load();
    private final ObjectMapper mapper = Json.newMapper();
    private final StaticAssets assets = new StaticAssets();
    private final byte[] openApi;
    private final byte[] adminTokenHash;
    private final Semaphore evaluations;

    public HttpApi(EvaluationService service, RulesetRegistry registry, Metrics metrics, HttpSettings settings) {
        this.service = service;
        this.registry = registry;
        this.metrics = metrics;
        this.settings = settings;
        String token = settings.adminToken();
        this.adminTokenHash = token == null || token.isBlank() ? null : sha256(token);
        this.evaluations = new Semaphore(settings.maxConcurrentEvaluations());
        this.openApi = OpenApiDocument.load();
    }

    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.compressionStrategy = new CompressionStrategy(null, new Gzip());
            config.http.compressionStrategy.setDefaultMinSizeForCompression(COMPRESS_FROM_BYTES);
            // A few threads per core: evaluations are CPU work, and with Jetty's default (up to 200)
            // 32 busy connections on 2 cores mostly switched threads (measured in bench/http.sh).
            config.jetty.threadPool = new QueuedThreadPool(settings.threads(), Math.min(settings.threads(), 8), 60_000);
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.idleTimeoutMs()));
            config.jetty.modifyServer(server -> server.setStopTimeout(settings.shutdownTimeoutMs()));
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(new GracefulHandler()));
            if (!settings.allowedOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    String first = settings.allowedOrigins().get(0);
                    rule.allowHost(first, settings.allowedOrigins().subList(1, settings.allowedOrigins().size()).toArray(String[]::new));
                    rule.exposeHeader(VERSION_HEADER);
                    rule.exposeHeader(REQUEST_ID_HEADER);
                }));
            }
            config.requestLogger.http(this::recordRequest);
            config.routes.before(this::beginRequest);
            config.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "UP")));
            config.routes.get("/ready", this::ready);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
            assets.all().forEach((path, asset) -> config.routes.get(path, ctx -> ctx.contentType(asset.contentType()).result(asset.bytes())));
            config.routes.post("/api/v1/evaluate", this::evaluate);
            config.routes.post("/api/v1/options", this::options);
            config.routes.get("/api/v1/catalog", this::catalog);
            config.routes.get("/api/v1/rules", this::rules);
            config.routes.post("/api/v1/rules/reload", this::reload);
            config.routes.exception(HttpProblem.class, (e, ctx) -> error(ctx, e.status, e.code, e.values));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e.getStatus()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "INTERNAL_ERROR", Map.of());
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(HANDLED) == null) {
                    error(ctx, 404, "NOT_FOUND", Map.of("path", ctx.path()));
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(HANDLED) == null) {
                    error(ctx, 405, "METHOD_NOT_ALLOWED", Map.of("method", ctx.method().name(), "path", ctx.path()));
                }
            });
        });
    }

    /** A request id on every log line of the request, and on the response. */
    private void beginRequest(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String given = ctx.header(REQUEST_ID_HEADER);
        String id = given != null && given.length() <= 64 && VALID_ID.matcher(given).matches() ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        MDC.put("requestId", id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    private void recordRequest(Context ctx, Float ms) {
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
        Duration took = started != null ? Duration.ofNanos(System.nanoTime() - started) : Duration.ofNanos((long) (ms * 1_000_000));
        metrics.httpRequest(ctx.method().name(), route, ctx.status().getCode(), took);
        MDC.remove("requestId");
    }

    private void ready(Context ctx) {
        Ruleset active = registry.active();
        if (active == null) {
            error(ctx, 503, "NOT_READY", Map.of());
            return;
        }
        ctx.header(VERSION_HEADER, active.version());
        json(ctx, 200, Map.of("status", "READY", "rulesetVersion", active.version()));
    }

    private interface Evaluation<T> {
        T run(JsonNode body, Language language) throws NotReadyException, InvalidRequestException, RulesFailedException;
    }

    private void evaluate(Context ctx) throws HttpProblem {
        boolean explain = "true".equalsIgnoreCase(ctx.queryParam("explain"));
        EvaluationResponse response = limited(ctx, (body, language) -> service.evaluate(body, language, explain));
        if (response != null) {
            metrics.evaluation(response.checkoutAllowed() ? "CHECKOUT_ALLOWED" : "CHECKOUT_NOT_ALLOWED");
            response.items().forEach(i -> i.reasons().forEach(r -> metrics.rejection(r.code())));
            ctx.header(VERSION_HEADER, response.rulesetVersion());
            json(ctx, 200, response);
        }
    }

    private void options(Context ctx) throws HttpProblem {
        OptionsResponse response = limited(ctx, service::options);
        if (response != null) {
            ctx.header(VERSION_HEADER, response.rulesetVersion());
            json(ctx, 200, response);
        }
    }

    /**
     * Reads the JSON body and runs an evaluation within the concurrency limit, turning its failures
     * into the contract's errors. Returns null when it answered an error itself.
     */
    private <T> T limited(Context ctx, Evaluation<T> evaluation) throws HttpProblem {
        JsonNode body = jsonBody(ctx);
        if (!evaluations.tryAcquire()) {
            metrics.evaluation("OVERLOADED");
            ctx.header("Retry-After", "1");
            throw new HttpProblem(503, "OVERLOADED", Map.of());
        }
        try {
            return evaluation.run(body, language(ctx));
        } catch (NotReadyException e) {
            metrics.evaluation("NOT_READY");
            throw new HttpProblem(503, "NOT_READY", Map.of());
        } catch (InvalidRequestException e) {
            metrics.evaluation("INVALID_REQUEST");
            invalidRequest(ctx, e.problems());
            return null;
        } catch (RulesFailedException e) {
            metrics.evaluation("RULES_FAILED");
            LOG.error("rules failed: {}", e.getMessage(), e.getCause());
            throw new HttpProblem(500, "RULES_FAILED", Map.of("rule", e.rule() == null ? "?" : e.rule()));
        } finally {
            evaluations.release();
        }
    }

    private void catalog(Context ctx) throws HttpProblem {
        Ruleset active = activeOrNotReady();
        ctx.header(VERSION_HEADER, active.version());
        json(ctx, 200, catalogView.of(active));
    }

    private void rules(Context ctx) {
        Ruleset active = registry.active();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", active == null ? null : active.version());
        body.put("loadedAt", active == null ? null : active.loadedAt().toString());
        body.put("files", active == null ? List.of() : active.files());
        body.put("lastReload", registry.lastAttempt());
        json(ctx, 200, body);
    }

    private void reload(Context ctx) throws HttpProblem {
        if (adminTokenHash == null) {
            throw new HttpProblem(404, "NOT_FOUND", Map.of("path", ctx.path()));
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(adminTokenHash, sha256(token))) {
            LOG.warn("refused reload from {}: missing or wrong admin token", ctx.ip());
            throw new HttpProblem(401, "UNAUTHORIZED", Map.of());
        }
        ReloadAttempt attempt = registry.reload();
        Ruleset active = registry.active();
        if (attempt.loaded()) {
            json(ctx, 200, Map.of("status", attempt.status(), "version", attempt.version()));
            return;
        }
        Language language = language(ctx);
        Map<String, Object> problems = new LinkedHashMap<>();
        problems.put("problems", attempt.problems());
        problems.put("failingScenarios", attempt.failingScenarios());
        ApiError body = new ApiError(new ApiError.Body("RULES_REJECTED",
                messages.error("RULES_REJECTED", language, Map.of()), null, null, problems,
                active == null ? null : active.version()));
        json(ctx, 422, body);
    }

    private Ruleset activeOrNotReady() throws HttpProblem {
        Ruleset active = registry.active();
        if (active == null) {
            throw new HttpProblem(503, "NOT_READY", Map.of());
        }
        return active;
    }

    /** Media type, then size, then JSON syntax, as api.md orders the checks. */
    private JsonNode jsonBody(Context ctx) throws HttpProblem {
        String type = ctx.header("Content-Type");
        if (!isJson(type)) {
            drain(ctx);
            throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", Map.of());
        }
        byte[] bytes = readLimited(ctx);
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "empty body"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", describe(e)));
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv[0].trim().equalsIgnoreCase("charset")
                    && !(kv.length == 2 && kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads and discards what is left of a refused body (up to 1 MiB), so that the client has sent it
     * all before the answer comes: a connection closed under a client still sending loses the answer.
     * Beyond 1 MiB the connection is closed after the answer.
     */
    private static void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total <= DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
                total += n;
            }
            if (total > DRAIN_LIMIT) {
                ctx.header("Connection", "close");
            }
        } catch (IOException e) {
            ctx.header("Connection", "close");
        }
    }

    private static final long DRAIN_LIMIT = 1024 * 1024;

    private static byte[] readLimited(Context ctx) throws HttpProblem {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            drain(ctx);
            throw new HttpProblem(413, "REQUEST_TOO_LARGE", Map.of("max", MAX_BODY_BYTES));
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    drain(ctx);
                    throw new HttpProblem(413, "REQUEST_TOO_LARGE", Map.of("max", MAX_BODY_BYTES));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
        }
    }

    /** Jackson's own words, without the source excerpt (which would echo the body back). */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        var location = e.getLocation();
        return location == null ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private void invalidRequest(Context ctx, List<FieldProblem> problems) {
        Language language = language(ctx);
        List<ApiError.Detail> details = new ArrayList<>();
        for (FieldProblem p : problems.subList(0, Math.min(problems.size(), MAX_DETAILS))) {
            Map<String, Object> values = new LinkedHashMap<>(p.args());
            values.put("field", p.field().isEmpty() ? "body" : p.field());
            details.add(new ApiError.Detail(p.field(), messages.field(p.code(), language, values)));
        }
        String first = details.get(0).message();
        String message = messages.error("INVALID_REQUEST", language, Map.of("first", first));
        boolean wholeBody = problems.size() == 1 && problems.get(0).field().isEmpty();
        json(ctx, 400, new ApiError(new ApiError.Body("INVALID_REQUEST", message,
                wholeBody ? null : problems.get(0).field(), wholeBody ? null : details, null, null)));
    }

    private void fromJavalin(Context ctx, int status) {
        switch (status) {
            case 413 -> error(ctx, 413, "REQUEST_TOO_LARGE", Map.of("max", MAX_BODY_BYTES));
            case 404 -> error(ctx, 404, "NOT_FOUND", Map.of("path", ctx.path()));
            case 405 -> error(ctx, 405, "METHOD_NOT_ALLOWED", Map.of("method", ctx.method().name(), "path", ctx.path()));
            case 400 -> error(ctx, 400, "INVALID_JSON", Map.of("detail", "bad request"));
            default -> error(ctx, 500, "INTERNAL_ERROR", Map.of());
        }
    }

    private void error(Context ctx, int status, String code, Map<String, ?> values) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        json(ctx, status, ApiError.of(code, messages.error(code, language(ctx), values)));
    }

    private void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }

    private static Language language(Context ctx) {
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
