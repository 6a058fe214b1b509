package com.addonconfigurator.rules;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts;
import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.messages.Language;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prices, promotions and rules that take effect on a date: the evaluation date picks, never the server's clock. */
class ScheduledChangesRulesTest {
    /** A server clock far from every date the tests evaluate. */
    private static final Clock FAR = Clock.fixed(Instant.parse("1999-06-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private Ruleset load(RulesCopy rules) throws Exception {
        return new RulesetLoader(FAR).load(rules.folder());
    }

    private static EvaluationResponse evaluate(Ruleset ruleset, Carts cart) throws Exception {
        EvaluationService service =
                new EvaluationService(() -> ruleset, new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT), FAR);
        return service.evaluate(ruleset, cart.request(), Language.EN, true);
    }

    @Test
    void aPlanPriceThatChangesOnNewYearsDayPricesTheExtensionByTheDay() throws Exception {
        RulesCopy rules = RulesCopy.withPlanPriceChangingOnNewYearsDay(temp.resolve("rules"));
        Ruleset ruleset = load(rules);
        Carts before = on("CUSTOMER_AREA")
                .date("2026-12-31")
                .account("FE", "2027-06-30")
                .modules("INCASSI_PAGAMENTI");
        Carts after = on("CUSTOMER_AREA")
                .date("2027-01-01")
                .account("FE", "2027-06-30")
                .modules("INCASSI_PAGAMENTI");
        EvaluationResponse old = evaluate(ruleset, before);
        EvaluationResponse now = evaluate(ruleset, after);
        // the extension runs 7 months from E to T: 25.00 × 7/12 the day before, 37.00 × 7/12 on the day
        assertEquals(7, line(old, "FE_EXTENSION").months());
        assertEquals(7, line(now, "FE_EXTENSION").months());
        assertEquals("14.58", line(old, "FE_EXTENSION").amount());
        assertEquals("21.58", line(now, "FE_EXTENSION").amount());
        // a new plan bought on each day
        assertEquals(
                "25.00",
                line(evaluate(ruleset, on("PEC_IT_CART").date("2026-12-31").plan("FE")), "FE")
                        .amount());
        assertEquals(
                "37.00",
                line(evaluate(ruleset, on("PEC_IT_CART").date("2027-01-01").plan("FE")), "FE")
                        .amount());
    }

    private static EvaluationResponse.LineView line(EvaluationResponse response, String code) {
        return response.pricing().lines().stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + code + " in " + response.pricing()));
    }

    @Test
    void aRuleWithDateEffectiveFiresOnlyFromItsDateWhateverTheServersClock() throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules")).write("scheduled.drl", """
                        package addonconfigurator;
                        import com.addonconfigurator.rules.facts.*;

                        rule "R99 Eleven users are refused from 1 January 2027"
                        ruleflow-group "reasons"
                        date-effective "1-Jan-2027"
                        date-expires "1-Feb-2027"
                        when
                            $item : Item( kind == "USERS", quantity == 11 )
                        then
                            insert(new Reason($item.getCode(), "USERS_QUANTITY_OUT_OF_RANGE"));
                        end
                        """);
        Ruleset ruleset = load(rules);
        Carts cart = on("CUSTOMER_AREA").account("FE", "2027-12-31").users(11);
        assertFalse(firedOn(ruleset, cart.date("2026-12-31")));
        assertTrue(firedOn(ruleset, cart.date("2027-01-01")));
        assertTrue(firedOn(ruleset, cart.date("2027-01-31")));
        assertFalse(firedOn(ruleset, cart.date("2027-02-01")), "date-expires is exclusive");
        // the calendar names the rule on both of its days
        List<ChangeCalendar.Day> days = ChangeCalendar.from(ruleset, java.time.LocalDate.parse("2026-12-01"));
        String rule = "R99 Eleven users are refused from 1 January 2027";
        assertTrue(
                days.stream()
                        .anyMatch(d -> d.date().toString().equals("2027-01-01")
                                && d.changes()
                                        .contains(new ChangeCalendar.Change(
                                                "rule", rule, ChangeCalendar.NOT_IN_FORCE, ChangeCalendar.IN_FORCE))),
                days.toString());
        assertTrue(
                days.stream()
                        .anyMatch(d -> d.date().toString().equals("2027-02-01")
                                && d.changes()
                                        .contains(new ChangeCalendar.Change(
                                                "rule", rule, ChangeCalendar.IN_FORCE, ChangeCalendar.NOT_IN_FORCE))),
                days.toString());
    }

    private static boolean firedOn(Ruleset ruleset, Carts cart) throws Exception {
        return evaluate(ruleset, cart).firedRules().stream()
                .anyMatch(f -> f.rule().equals("R99 Eleven users are refused from 1 January 2027"));
    }

    @Test
    void anInvalidDateInDateEffectiveIsALoadErrorAtItsLine() {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules")).write("scheduled.drl", """
                        package addonconfigurator;
                        import com.addonconfigurator.rules.facts.*;

                        rule "R99 Never"
                        date-effective "31-Foo-2027"
                        when
                            Item()
                        then
                        end
                        """);
        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> load(rules));
        Problem p = e.problems().get(0);
        assertEquals("scheduled.drl", p.file(), e.problems().toString());
        // Drools reports an attribute's error at the line of its rule
        assertEquals(
                rules.lineOf("scheduled.drl", "rule \"R99 Never\""),
                p.line(),
                e.problems().toString());
        assertTrue(p.message().contains("date-effective"), p.message());
    }

    @Test
    void overlappingPeriodsAreRefusedAtTheirLineNamingBoth() {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"))
                .replace(
                        "catalog.yaml",
                        "      - { from: 2027-02-01, value: \"28.00\" }",
                        "      - { from: 2027-01-15, value: \"28.00\" }");
        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> load(rules));
        Problem p = e.problems().get(0);
        assertEquals("catalog.yaml", p.file());
        assertEquals(
                rules.lineOf("catalog.yaml", "price:                 # the new list price"), p.line(), p.toString());
        assertTrue(
                p.message().contains("2027-02-01")
                        && p.message().contains("2027-01-15")
                        && p.message().contains("overlap"),
                p.message());
    }

    @Test
    void periodsThatLeaveAGapOrEndBeforeTheyStartAreRefused() {
        RulesCopy gap = RulesCopy.into(temp.resolve("gap"))
                .replace(
                        "catalog.yaml",
                        "      - { from: 2027-02-01, value: \"28.00\" }",
                        "      - { from: 2027-03-01, value: \"28.00\" }");
        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> load(gap));
        assertTrue(
                e.problems().get(0).message().contains("gap from 2027-02-01 to 2027-03-01"),
                e.problems().toString());

        RulesCopy backwards = RulesCopy.into(temp.resolve("backwards"))
                .replace("catalog.yaml", "    until: 2027-07-01", "    from: 2027-07-01\n    until: 2027-07-01");
        RulesetLoadException b = assertThrows(RulesetLoadException.class, () -> load(backwards));
        Problem p = b.problems().get(0);
        assertEquals(
                List.of("catalog.yaml"),
                b.problems().stream().map(Problem::file).distinct().toList());
        assertTrue(p.message().contains("must be after"), p.message());
        assertTrue(p.line() > 0, p.toString());
    }
}
