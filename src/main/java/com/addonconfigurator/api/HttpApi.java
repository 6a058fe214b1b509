package com.addonconfigurator.api;

import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.quotes.QuoteService;
import com.addonconfigurator.quotes.Replayer;
import com.addonconfigurator.rules.RulesWatchdog;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import com.addonconfigurator.shadow.ShadowEvaluator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: the server's settings and every route, each handled by a controller that does
 * HTTP only; evaluation is the {@link EvaluationService}'s, the rules folder the registry's.
 */
public final class HttpApi {
    public static final String VERSION_HEADER = "X-Ruleset-Version";
    public static final String REQUEST_ID_HEADER = RequestTracking.REQUEST_ID_HEADER;
    /**
     * Answers smaller than this go uncompressed even to a client that accepts gzip: they fit in
     * TCP's first flight, so compressing them saves no round trip (docs/performance.md).
     */
    static final int COMPRESS_FROM_BYTES = 12 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final RulesetRegistry registry;
    private final RulesWatchdog watchdog;
    private final Metrics metrics;
    private final HttpSettings settings;
    private final Responses responses;
    private final RequestTracking tracking;
    private final EvaluationController evaluation;
    private final RulesController rules;
    private final QuotesController quotes;
    private final CandidateController candidate;
    private final JettyErrors jettyErrors;
    private final StaticAssets assets = new StaticAssets();
    private final byte[] openApi = OpenApiDocument.load();
    /** Each route's path pattern and its methods, for the Allow header of a 405. */
    private final Map<Pattern, Set<String>> methodsByPath = new LinkedHashMap<>();

    public HttpApi(
            EvaluationService service,
            QuoteService quotes,
            Replayer replayer,
            ShadowEvaluator shadow,
            RulesetRegistry registry,
            RulesWatchdog watchdog,
            Metrics metrics,
            HttpSettings settings) {
        this.registry = registry;
        this.watchdog = watchdog;
        this.metrics = metrics;
        this.settings = settings;
        ObjectMapper mapper = Json.newMapper();
        ErrorMessages messages = ErrorMessages.load();
        this.responses = new Responses(mapper, messages);
        this.jettyErrors = new JettyErrors(mapper, messages);
        this.tracking = new RequestTracking(metrics);
        JsonBody body = new JsonBody(mapper, settings.bodyTimeoutMs(), settings.maxConcurrentBodies());
        Evaluations evaluations = new Evaluations(settings.maxConcurrentEvaluations(), metrics, responses);
        AdminAuth admin = new AdminAuth(settings.adminToken());
        this.evaluation = new EvaluationController(service, shadow, metrics, body, responses, evaluations);
        this.candidate = new CandidateController(shadow, body, admin, responses, evaluations, metrics);
        this.quotes = new QuotesController(quotes, replayer, metrics, body, responses, evaluations, admin);
        this.rules = new RulesController(registry, watchdog, admin, responses, service::today);
    }

    public Javalin create() {
        return Javalin.create(config -> {
            server(config);
            routes(config);
            errors(config);
        });
    }

    private void server(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = JsonBody.MAX_BODY_BYTES;
        config.http.compressionStrategy = new CompressionStrategy(null, new Gzip());
        config.http.compressionStrategy.setDefaultMinSizeForCompression(COMPRESS_FROM_BYTES);
        // A few threads per core: evaluations are CPU work, and more threads only switch.
        config.jetty.threadPool = new QueuedThreadPool(settings.threads(), Math.min(settings.threads(), 8), 60_000);
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.idleTimeoutMs()));
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(settings.shutdownTimeoutMs());
            server.setErrorHandler(jettyErrors);
        });
        config.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(jettyErrors);
            context.insertHandler(new GracefulHandler());
            context.insertHandler(new KnownMethods(jettyErrors));
        });
        if (!settings.allowedOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                var origins = settings.allowedOrigins();
                rule.allowHost(
                        origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                rule.exposeHeader(VERSION_HEADER);
                rule.exposeHeader(REQUEST_ID_HEADER);
            }));
        }
        config.requestLogger.http(tracking::end);
    }

    private void routes(JavalinConfig config) {
        config.routes.before(tracking::begin);
        get(config, "/health", this::health);
        get(config, "/ready", this::ready);
        get(
                config,
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        get(
                config,
                "/openapi.json",
                ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
        assets.all()
                .forEach((path, asset) -> get(
                        config,
                        path,
                        ctx -> ctx.contentType(asset.contentType()).result(asset.bytes())));
        post(config, "/api/v1/evaluate", evaluation::evaluate);
        post(config, "/api/v1/options", evaluation::options);
        get(config, "/api/v1/catalog", rules::catalog);
        get(config, "/api/v1/calendar", rules::calendar);
        get(config, "/api/v1/rules", rules::rules);
        post(config, "/api/v1/rules/reload", rules::reload);
        get(config, "/api/v1/rules/candidate", candidate::report);
        post(config, "/api/v1/rules/candidate/compare", candidate::compare);
        post(config, QuotesController.QUOTES, quotes::create);
        get(config, QuotesController.QUOTES + "/{id}", quotes::read);
        post(config, QuotesController.QUOTES + "/{id}/confirm", quotes::confirm);
        get(config, QuotesController.QUOTES + "/{id}/replay", quotes::replay);
        get(config, "/api/v1/rulesets/{version}", quotes::ruleset);
    }

    private void get(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, handler);
        allow("GET", path);
    }

    private void post(JavalinConfig config, String path, Handler handler) {
        config.routes.post(path, handler);
        allow("POST", path);
    }

    /** Records a route's method for the Allow header; {@code {name}} in a path stands for one segment. */
    private void allow(String method, String path) {
        String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", Matcher.quoteReplacement("\\E[^/]+\\Q"));
        methodsByPath
                .computeIfAbsent(Pattern.compile(regex), p -> new TreeSet<>())
                .add(method);
    }

    private void errors(JavalinConfig config) {
        config.routes.exception(
                HttpProblem.class, (e, ctx) -> responses.error(ctx, e.status, e.code, e.values, e.details));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e.getStatus()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            responses.error(ctx, 500, "INTERNAL_ERROR", Map.of());
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(Responses.HANDLED) == null) {
                responses.error(ctx, 404, "NOT_FOUND", Map.of("path", ctx.path()));
            }
        });
        config.routes.error(405, ctx -> {
            if (ctx.attribute(Responses.HANDLED) == null) {
                methodNotAllowed(ctx);
            }
        });
    }

    /** Live unless more evaluations are stuck past the rules' time limit than the setting allows. */
    private void health(Context ctx) {
        if (!unhealthy(ctx)) {
            responses.json(ctx, 200, Map.of("status", "UP"));
        }
    }

    /** Answers 503 UNHEALTHY, and says so, when too many evaluations are stuck. */
    private boolean unhealthy(Context ctx) {
        int stuck = watchdog.stuck();
        if (stuck <= settings.stuckLimit()) {
            return false;
        }
        responses.error(
                ctx, 503, "UNHEALTHY", Map.of("reason", stuck + " evaluations are stuck past the rules' time limit"));
        return true;
    }

    private void ready(Context ctx) {
        if (unhealthy(ctx)) {
            return;
        }
        Ruleset active = registry.active();
        if (active == null) {
            responses.error(ctx, 503, RulesController.notReadyCode(registry), Map.of());
            return;
        }
        ctx.header(VERSION_HEADER, active.version());
        responses.json(ctx, 200, Map.of("status", "READY", "rulesetVersion", active.version()));
    }

    private void methodNotAllowed(Context ctx) {
        methodsByPath.forEach((pattern, methods) -> {
            if (pattern.matcher(ctx.path()).matches()) {
                ctx.header("Allow", String.join(", ", methods));
            }
        });
        responses.error(
                ctx, 405, "METHOD_NOT_ALLOWED", Map.of("method", ctx.method().name(), "path", ctx.path()));
    }

    /** Javalin's own refusals, in the contract's shape. */
    private void fromJavalin(Context ctx, int status) {
        switch (status) {
            case 413 -> responses.error(ctx, 413, "REQUEST_TOO_LARGE", Map.of("max", JsonBody.MAX_BODY_BYTES));
            case 404 -> responses.error(ctx, 404, "NOT_FOUND", Map.of("path", ctx.path()));
            case 405 -> methodNotAllowed(ctx);
            case 400 -> responses.error(ctx, 400, "INVALID_JSON", Map.of("detail", "bad request"));
            default -> responses.error(ctx, 500, "INTERNAL_ERROR", Map.of());
        }
    }
}
