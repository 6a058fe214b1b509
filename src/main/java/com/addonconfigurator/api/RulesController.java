package com.addonconfigurator.api;

import com.addonconfigurator.request.FieldProblem;
import com.addonconfigurator.rules.ChangeCalendar;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RulesWatchdog;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/rules}, {@code POST /api/v1/rules/reload} (admin), {@code GET /api/v1/catalog}
 * and {@code GET /api/v1/calendar}.
 */
final class RulesController {
    private final RulesetRegistry registry;
    private final RulesWatchdog watchdog;
    private final AdminAuth admin;
    private final Responses responses;
    private final CatalogView catalogView = new CatalogView();
    private final Supplier<LocalDate> today;

    RulesController(
            RulesetRegistry registry,
            RulesWatchdog watchdog,
            AdminAuth admin,
            Responses responses,
            Supplier<LocalDate> today) {
        this.registry = registry;
        this.today = today;
        this.watchdog = watchdog;
        this.admin = admin;
        this.responses = responses;
    }

    void rules(Context ctx) {
        Ruleset active = registry.active();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", active == null ? null : active.version());
        body.put("loadedAt", active == null ? null : active.loadedAt().toString());
        body.put("files", active == null ? List.of() : active.files());
        body.put("lastReload", registry.lastAttempt());
        Map<String, Object> timeLimit = new LinkedHashMap<>();
        timeLimit.put("limitMs", watchdog.limit().toMillis());
        timeLimit.put("stopped", watchdog.stopped());
        timeLimit.put("stuck", watchdog.stuck());
        body.put("timeLimit", timeLimit);
        responses.json(ctx, 200, body);
    }

    void reload(Context ctx) throws HttpProblem {
        admin.require(ctx);
        ReloadAttempt attempt = registry.reloadUnlessBusy().orElse(null);
        if (attempt == null) {
            ctx.header("Retry-After", "1");
            throw new HttpProblem(409, "RELOAD_IN_PROGRESS", Map.of());
        }
        if (attempt.loaded()) {
            responses.json(ctx, 200, Map.of("status", attempt.status(), "version", attempt.version()));
            return;
        }
        Ruleset active = registry.active();
        Map<String, Object> problems = new LinkedHashMap<>();
        problems.put("problems", attempt.problems());
        problems.put("failingScenarios", attempt.failingScenarios());
        responses.rejected(ctx, 422, "RULES_REJECTED", problems, active == null ? null : active.version());
    }

    /** Why there is no active ruleset: none loaded yet, or the rules folder was refused. */
    static String notReadyCode(RulesetRegistry registry) {
        ReloadAttempt last = registry.lastAttempt();
        return last != null && !last.loaded() ? "RULES_REFUSED" : "NOT_READY";
    }

    void catalog(Context ctx) throws HttpProblem {
        LocalDate on = date(ctx, "on");
        if (on == null) {
            return;
        }
        Ruleset active = activeOrProblem();
        ctx.header(HttpApi.VERSION_HEADER, active.version());
        responses.json(ctx, 200, catalogView.of(active, on));
    }

    /** {@code GET /api/v1/calendar?from=DATE}: every day from then on which a price, rate, term, promotion or rule changes. */
    void calendar(Context ctx) throws HttpProblem {
        LocalDate from = date(ctx, "from");
        if (from == null) {
            return;
        }
        Ruleset active = activeOrProblem();
        ctx.header(HttpApi.VERSION_HEADER, active.version());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rulesetVersion", active.version());
        body.put("from", from);
        body.put("days", ChangeCalendar.from(active, from));
        responses.json(ctx, 200, body);
    }

    private Ruleset activeOrProblem() throws HttpProblem {
        Ruleset active = registry.active();
        if (active == null) {
            throw new HttpProblem(503, notReadyCode(registry), Map.of());
        }
        return active;
    }

    /** A date query parameter, today when absent; null after answering 400 naming it when it is no date. */
    private LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return today.get();
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            responses.invalidRequest(ctx, List.of(new FieldProblem(name, "INVALID_DATE", Map.of())));
            return null;
        }
    }
}
