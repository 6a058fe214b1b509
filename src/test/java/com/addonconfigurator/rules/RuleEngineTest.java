package com.addonconfigurator.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.evaluation.FactMapper;
import com.addonconfigurator.rules.facts.Totals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine records of the firings: counted for the metrics, listed when explaining. */
class RuleEngineTest {
    private static final String ACCEPTED = "R22 An item without reasons is accepted";
    private static final String REJECTED = "R22 An item with a reason is rejected";
    private static final String MODULE_PRICE = "R14 A module is charged its full price";
    private static final String TOTALS = "R14 The net is the sum of the lines and VAT is a share of the net";

    /** api.md's cart: WooCommerce rejected (no Documenti), Incassi e pagamenti and three users accepted. */
    private static final java.time.LocalDate DAY = Carts.apiExample().request().evaluationDate();

    private static List<Object> apiExampleFacts() {
        return FactMapper.facts(
                Carts.apiExample().request(), TestRules.project().catalog().on(DAY));
    }

    @Test
    void theObserverIsToldHowOftenEachRuleFired() throws Exception {
        List<Map<String, Integer>> told = new ArrayList<>();
        new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT, told::add)
                .run(TestRules.project(), DAY, apiExampleFacts(), false);

        assertEquals(1, told.size(), "told once per evaluation");
        Map<String, Integer> firings = told.get(0);
        assertEquals(2, firings.get(ACCEPTED), firings.toString());
        assertEquals(1, firings.get(REJECTED), firings.toString());
        assertEquals(1, firings.get(MODULE_PRICE), firings.toString());
        assertEquals(1, firings.get("R8 WooCommerce needs Documenti"), firings.toString());
        assertEquals(1, firings.get(TOTALS), firings.toString());
        assertFalse(firings.containsKey("R4 Customer area, panel and app need an account"), firings.toString());
    }

    @Test
    void explainingListsEachRuleThatFiredOnceInTheOrderItFirstFired() throws Exception {
        List<Map<String, Integer>> told = new ArrayList<>();
        Decisions decisions = new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT, told::add)
                .run(TestRules.project(), DAY, apiExampleFacts(), true);

        List<String> fired = decisions.firedRules();
        assertEquals(new HashSet<>(fired).size(), fired.size(), "no rule twice: " + fired);
        assertEquals(told.get(0).keySet(), new HashSet<>(fired), "the rules explained are the rules counted");
        // Phases: reasons, then dependencies, then decisions, then the summary.
        assertTrue(
                fired.indexOf("R1 R2 With an account, the plan judged is the account's")
                        < fired.indexOf("R8 WooCommerce needs Documenti"),
                fired.toString());
        assertTrue(fired.indexOf("R8 WooCommerce needs Documenti") < fired.indexOf(ACCEPTED), fired.toString());
        assertTrue(fired.indexOf(ACCEPTED) < fired.indexOf(MODULE_PRICE), fired.toString());
        assertTrue(fired.indexOf(MODULE_PRICE) < fired.indexOf(TOTALS), fired.toString());
    }

    @Test
    void withoutExplainingNoRuleIsListed() throws Exception {
        Decisions decisions =
                new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT).run(TestRules.project(), DAY, apiExampleFacts(), false);

        assertEquals(List.of(), decisions.firedRules());
        assertEquals(1, decisions.all(Totals.class).size(), "the rules did run");
    }
}
