package com.addonconfigurator;

import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFailedException;
import com.addonconfigurator.rules.Ruleset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A fluent cart for rules-layer tests: facts in, decisions out, no HTTP and no JSON. */
public final class Carts {
    private String date = "2026-11-28";
    private final String channel;
    private String platform;
    private EvaluationRequest.Account account;
    private String plan;
    private final List<String> modules = new ArrayList<>();
    private int users;
    private boolean extend = true;
    private boolean panel = true;

    private Carts(String channel) {
        this.channel = channel;
    }

    public static Carts on(String channel) {
        return new Carts(channel);
    }

    /**
     * api.md's example: an FE account with Ordini elettronici, buying WooCommerce (rejected: no
     * Documenti), Incassi e pagamenti and three users from the customer area on Android.
     */
    public static Carts apiExample() {
        return on("CUSTOMER_AREA")
                .platform("ANDROID")
                .account("FE", "2027-03-31", 2, false, "ORDINI_ELETTRONICI")
                .modules("WOOCOMMERCE", "INCASSI_PAGAMENTI")
                .users(3);
    }

    public Carts date(String date) {
        this.date = date;
        return this;
    }

    public Carts platform(String platform) {
        this.platform = platform;
        return this;
    }

    public Carts account(String plan, String expiresOn, int users, boolean contactsMatched, String... activeModules) {
        this.account = new EvaluationRequest.Account(
                plan, LocalDate.parse(expiresOn), List.of(activeModules), users, contactsMatched);
        return this;
    }

    public Carts account(String plan, String expiresOn, String... activeModules) {
        return account(plan, expiresOn, 0, false, activeModules);
    }

    public Carts plan(String plan) {
        this.plan = plan;
        return this;
    }

    public Carts modules(String... codes) {
        modules.addAll(List.of(codes));
        return this;
    }

    public Carts users(int users) {
        this.users = users;
        return this;
    }

    public Carts extension(boolean on) {
        this.extend = on;
        return this;
    }

    public Carts invoiceThroughArubaPanel(boolean on) {
        this.panel = on;
        return this;
    }

    public EvaluationRequest request() {
        return new EvaluationRequest(
                LocalDate.parse(date),
                channel,
                platform,
                account,
                new EvaluationRequest.Cart(plan, List.copyOf(modules), users, extend, panel));
    }

    public Answer evaluate() {
        return evaluate(TestRules.project());
    }

    public Answer evaluate(Ruleset ruleset) {
        EvaluationService service = new EvaluationService(
                () -> ruleset, new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT), Clock.systemUTC());
        try {
            return new Answer(service.evaluate(ruleset, request(), Language.IT, true));
        } catch (RulesFailedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Reads an answer by code. */
    public record Answer(EvaluationResponse response) {
        public EvaluationResponse.ItemView item(String code) {
            return response.items().stream()
                    .filter(i -> i.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no item " + code + " in " + response.items()));
        }

        public String status(String code) {
            return item(code).status();
        }

        public Set<String> reasons(String code) {
            Set<String> out = new TreeSet<>();
            item(code).reasons().forEach(r -> out.add(r.code()));
            return out;
        }

        public EvaluationResponse.LineView line(String code) {
            return response.pricing().lines().stream()
                    .filter(l -> l.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no price line " + code + " in "
                            + response.pricing().lines()));
        }

        public boolean hasLine(String code) {
            return response.pricing().lines().stream().anyMatch(l -> l.code().equals(code));
        }

        public List<String> lineCodes() {
            return response.pricing().lines().stream()
                    .map(EvaluationResponse.LineView::code)
                    .toList();
        }

        public List<String> steps() {
            return response.nextSteps().stream()
                    .map(s -> s.item() + ":" + s.order() + ":" + s.code())
                    .toList();
        }

        public Set<String> warnings() {
            Set<String> out = new TreeSet<>();
            response.warnings().forEach(w -> out.add(w.code()));
            return out;
        }

        public List<String> suggestions() {
            return response.suggestions().stream()
                    .map(s -> s.action() + " " + s.code())
                    .toList();
        }

        public String expiresOn(String code) {
            return Objects.toString(item(code).expiresOn(), null);
        }

        public String accountExpiresOn() {
            return Objects.toString(response.accountExpiresOn(), null);
        }

        public String net() {
            return response.pricing().net();
        }
    }
}
