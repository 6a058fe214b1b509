package com.addonconfigurator.rules;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts.Answer;
import com.addonconfigurator.evaluation.EvaluationResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** R16-R22: what to do after buying, warnings, and the cart as a whole. */
class NextStepsAndCartRulesTest {

    @Test
    @DisplayName("R16-R19 steps come per item in cart order, the plan's first")
    void stepsComeInItemOrderWithThePlansFirst() {
        Answer a = on("PEC_IT_CART")
                .plan("FE")
                .modules("WOOCOMMERCE", "DOCUMENTI", "INCASSI_PAGAMENTI")
                .evaluate();
        assertEquals(
                List.of(
                        "FE:1:COMPLETE_ORDER_AND_FIRST_SETUP",
                        "WOOCOMMERCE:1:CONNECT_ONLINE_SHOP",
                        "DOCUMENTI:1:ENABLE_DDT_CONSERVATION",
                        "INCASSI_PAGAMENTI:1:MATCH_CONTACTS_AND_INVOICES",
                        "INCASSI_PAGAMENTI:2:ACTIVATION_WIZARD"),
                a.steps());
    }

    @Test
    @DisplayName("R17 contacts already matched: the wizard is step 1")
    void withContactsMatchedTheWizardComesFirst() {
        Answer a = on("PANEL")
                .account("FE", "2027-12-31", 0, true)
                .modules("INCASSI_PAGAMENTI")
                .evaluate();
        assertEquals(List.of("INCASSI_PAGAMENTI:1:ACTIVATION_WIZARD"), a.steps());
    }

    @Test
    @DisplayName("R20 NSO notifications are for the web panel only, whatever the channel")
    void nsoNotificationsAreWebPanelOnly() {
        Answer a = on("MOBILE_APP")
                .platform("ANDROID")
                .account("FE", "2027-12-31")
                .modules("ORDINI_ELETTRONICI")
                .evaluate();
        EvaluationResponse.StepView step = a.response().nextSteps().get(0);
        assertEquals("ENABLE_NSO_NOTIFICATIONS", step.code());
        assertTrue(step.webPanelOnly());
        assertTrue(step.message().contains("app"));
    }

    @Test
    @DisplayName("Steps come only for accepted items")
    void rejectedItemsHaveNoSteps() {
        Answer a = on("PANEL")
                .account("FE", "2027-12-31", "INCASSI_PAGAMENTI")
                .modules("INCASSI_PAGAMENTI")
                .evaluate();
        assertEquals(List.of(), a.steps());
    }

    @Nested
    @DisplayName("R21 orders without the Aruba panel")
    class R21 {
        @Test
        void ordersOnlyCustomersAreWarnedNotToShareTheSdiCode() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31")
                    .modules("ORDINI_ELETTRONICI")
                    .invoiceThroughArubaPanel(false)
                    .evaluate();
            assertEquals(Set.of("DO_NOT_SHARE_ARUBA_SDI_CODE"), a.warnings());
            assertTrue(a.response().warnings().get(0).message().contains("KRRH6B9"));
        }

        @Test
        void noWarningWhenInvoicingThroughThePanel() {
            assertEquals(
                    Set.of(),
                    on("PANEL")
                            .account("FE", "2027-12-31")
                            .modules("ORDINI_ELETTRONICI")
                            .evaluate()
                            .warnings());
        }

        @Test
        void noWarningWhenTheOrdersModuleIsRejected() {
            assertEquals(
                    Set.of(),
                    on("PANEL")
                            .account("FE", "2027-12-31", "ORDINI_ELETTRONICI")
                            .modules("ORDINI_ELETTRONICI")
                            .invoiceThroughArubaPanel(false)
                            .evaluate()
                            .warnings());
        }
    }

    @Nested
    @DisplayName("R22 checkout")
    class R22 {
        @Test
        void aCartWithEveryItemAcceptedGoesToCheckout() {
            assertTrue(on("PANEL")
                    .account("FE", "2027-12-31")
                    .modules("DOCUMENTI")
                    .users(1)
                    .evaluate()
                    .response()
                    .checkoutAllowed());
        }

        @Test
        void oneRejectedItemStopsCheckout() {
            assertFalse(on("PANEL")
                    .account("FE", "2027-12-31")
                    .modules("INCASSI_PAGAMENTI", "WOOCOMMERCE")
                    .evaluate()
                    .response()
                    .checkoutAllowed());
        }

        @Test
        void anEmptyCartDoesNotGoToCheckout() {
            Answer a = on("PANEL").account("FE", "2027-12-31").evaluate();
            assertFalse(a.response().checkoutAllowed());
            assertEquals(List.of(), a.response().items());
        }

        @Test
        void everyItemHasExactlyOneStatusAndRejectedOnesHaveReasons() {
            Answer a = on("MOBILE_APP")
                    .platform("IOS")
                    .account("FE_SOLO_RICEZIONE", "2026-01-01", 9, false, "DOCUMENTI")
                    .plan("FE")
                    .modules("DOCUMENTI", "WOOCOMMERCE")
                    .users(3)
                    .evaluate();
            for (EvaluationResponse.ItemView item : a.response().items()) {
                assertEquals("REJECTED", item.status());
                assertFalse(item.reasons().isEmpty());
                assertEquals(null, item.expiresOn());
            }
        }
    }
}
