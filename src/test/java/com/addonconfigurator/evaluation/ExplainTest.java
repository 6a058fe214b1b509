package com.addonconfigurator.evaluation;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations: the facts the rules derived, each with the rule that derived it. */
class ExplainTest {
    @Test
    void theDerivedFactsAreListedInOrderWithTheirRules() {
        Answer a = on("CUSTOMER_AREA")
                .platform("ANDROID")
                .account("FE", "2027-03-31", 2, false)
                .modules("WOOCOMMERCE", "INCASSI_PAGAMENTI")
                .users(3)
                .evaluate();
        List<EvaluationResponse.DerivedFactView> derived = a.response().derivedFacts();

        EvaluationResponse.DerivedFactView judged = derived.get(0);
        assertEquals("JudgedPlan", judged.fact());
        assertEquals("FE", judged.values().get("code"));
        assertEquals("R1 R2 With an account, the plan judged is the account's", judged.rule());
        EvaluationResponse.DerivedFactView extension = derived.stream()
                .filter(d -> d.fact().equals("AccountExtension"))
                .findFirst()
                .orElseThrow();
        assertEquals(8, extension.values().get("months"));
        assertEquals("R11 The account is extended to the end of the term", extension.rule());
        assertTrue(
                derived.stream()
                        .anyMatch(d -> d.fact().equals("PriceLine")
                                && "16.67".equals(d.values().get("amount"))),
                derived.toString());
        assertTrue(derived.stream().allMatch(d -> d.rule() != null && d.rule().matches("R\\d+ .*")));
    }
}
