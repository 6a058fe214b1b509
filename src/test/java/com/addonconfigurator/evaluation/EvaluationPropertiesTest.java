package com.addonconfigurator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFailedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over generated carts: every channel, plan and platform, dates around month ends and leap days. */
class EvaluationPropertiesTest {
    private static final List<String> MODULES =
            List.of("INCASSI_PAGAMENTI", "DOCUMENTI", "ORDINI_ELETTRONICI", "WOOCOMMERCE");
    private static final List<String> PLANS = List.of("FE", "FE_SOLO_RICEZIONE", "COMMERCIALISTA");
    private final EvaluationService service = new EvaluationService(
            TestRules::project, new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT), Clock.systemUTC());

    @Provide
    Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> tricky = Arbitraries.of(
                LocalDate.parse("2028-02-29"),
                LocalDate.parse("2028-02-28"),
                LocalDate.parse("2027-02-28"),
                LocalDate.parse("2027-01-31"),
                LocalDate.parse("2026-12-31"),
                LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-03-31"),
                LocalDate.parse("2029-02-28"),
                LocalDate.parse("2026-11-28"));
        Arbitrary<LocalDate> any = Arbitraries.integers()
                .between(0, 5 * 366)
                .map(d -> LocalDate.parse("2026-01-01").plusDays(d));
        return Arbitraries.oneOf(tricky, any);
    }

    @Provide
    Arbitrary<EvaluationRequest> carts() {
        Arbitrary<LocalDate> date = dates();
        Arbitrary<String> channel = Arbitraries.of(EvaluationRequest.CHANNELS);
        Arbitrary<String> platform = Arbitraries.of("ANDROID", "IOS");
        Arbitrary<List<String>> modules =
                Arbitraries.of(MODULES).list().uniqueElements().ofMaxSize(4);
        Arbitrary<EvaluationRequest.Account> account = Combinators.combine(
                        Arbitraries.of(PLANS),
                        Arbitraries.integers().between(-400, 800),
                        modules,
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.of(true, false))
                .as((plan, offset, active, users, matched) -> new EvaluationRequest.Account(
                        plan, LocalDate.parse("2026-11-28").plusDays(offset), active, users, matched));
        Arbitrary<EvaluationRequest.Account> maybeAccount = Arbitraries.oneOf(account, Arbitraries.just(null));
        Arbitrary<EvaluationRequest.Cart> cart = Combinators.combine(
                        Arbitraries.of("FE", "FE_SOLO_RICEZIONE", "COMMERCIALISTA", "")
                                .map(p -> p.isEmpty() ? null : p),
                        modules,
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(EvaluationRequest.Cart::new);
        return Combinators.combine(date, channel, platform, maybeAccount, cart)
                .as((d, c, p, a, k) ->
                        new EvaluationRequest(d, c, "MOBILE_APP".equals(c) ? p : null, a == null ? null : a, k));
    }

    private EvaluationResponse evaluate(EvaluationRequest request) throws RulesFailedException {
        return service.evaluate(TestRules.project(), request, Language.IT, false);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void everyItemHasExactlyOneStatusAndTheTotalsAddUp(@ForAll("carts") EvaluationRequest request) throws Exception {
        EvaluationResponse r = evaluate(request);

        int expectedItems = (request.cart().plan() == null ? 0 : 1)
                + request.cart().modules().size()
                + (request.cart().users() > 0 ? 1 : 0);
        assertEquals(expectedItems, r.items().size());
        boolean allAccepted = true;
        for (EvaluationResponse.ItemView item : r.items()) {
            assertTrue(item.status().equals("ACCEPTED") || item.status().equals("REJECTED"), item.status());
            if (item.status().equals("ACCEPTED")) {
                assertTrue(item.reasons().isEmpty(), item.toString());
                assertNotNull(item.expiresOn(), item.toString());
            } else {
                allAccepted = false;
                assertFalse(item.reasons().isEmpty(), item.toString());
                assertNull(item.expiresOn(), item.toString());
                assertTrue(
                        r.pricing().lines().stream().noneMatch(l -> l.code().equals(item.code())),
                        "a rejected item has no price");
            }
        }
        assertEquals(!r.items().isEmpty() && allAccepted, r.checkoutAllowed());
        BigDecimal net = r.pricing().lines().stream()
                .map(l -> new BigDecimal(l.amount()))
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        assertEquals(net.toPlainString(), r.pricing().net());
        BigDecimal vat = net.multiply(new BigDecimal(r.pricing().vatRate())).setScale(2, RoundingMode.HALF_UP);
        assertEquals(vat.toPlainString(), r.pricing().vat());
        assertEquals(net.add(vat).toPlainString(), r.pricing().gross());
        for (EvaluationResponse.LineView line : r.pricing().lines()) {
            assertTrue(line.amount().matches("\\d+\\.\\d{2}"), line.amount());
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void theSameRequestGivesTheSameAnswer(@ForAll("carts") EvaluationRequest request) throws Exception {
        assertEquals(evaluate(request), evaluate(request));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void reorderingTheModulesOnlyReordersTheAnswer(@ForAll("carts") EvaluationRequest request) throws Exception {
        List<String> reversed = new ArrayList<>(request.cart().modules());
        Collections.reverse(reversed);
        EvaluationRequest.Cart c = request.cart();
        EvaluationRequest other = request.withCart(new EvaluationRequest.Cart(
                c.plan(), reversed, c.users(), c.extendActiveServices(), c.invoiceThroughArubaPanel()));

        EvaluationResponse a = evaluate(request);
        EvaluationResponse b = evaluate(other);

        assertEquals(
                byCode(a.items(), EvaluationResponse.ItemView::code),
                byCode(b.items(), EvaluationResponse.ItemView::code));
        assertEquals(
                byCode(a.pricing().lines(), EvaluationResponse.LineView::code),
                byCode(b.pricing().lines(), EvaluationResponse.LineView::code));
        assertEquals(a.pricing().gross(), b.pricing().gross());
        assertEquals(a.checkoutAllowed(), b.checkoutAllowed());
        assertEquals(a.accountExpiresOn(), b.accountExpiresOn());
        assertEquals(a.warnings(), b.warnings());
        assertEquals(a.suggestions(), b.suggestions());
        assertEquals(
                a.items().stream()
                        .map(EvaluationResponse.ItemView::code)
                        .filter(reversed::contains)
                        .toList(),
                request.cart().modules());
        assertEquals(
                b.items().stream()
                        .map(EvaluationResponse.ItemView::code)
                        .filter(reversed::contains)
                        .toList(),
                reversed);
        assertEquals(new java.util.HashSet<>(a.nextSteps()), new java.util.HashSet<>(b.nextSteps()));
    }

    private static <T> Map<String, T> byCode(List<T> list, Function<T, String> code) {
        return list.stream().collect(Collectors.toMap(code, Function.identity()));
    }
}
