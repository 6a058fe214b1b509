package com.addonconfigurator.rules;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts.Answer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** R8 (dependencies) and R9 (users). */
class DependencyAndUsersRulesTest {

    @Nested
    @DisplayName("R8 WooCommerce needs Documenti")
    class R8 {
        @Test
        void wooCommerceAloneIsRejectedAndDocumentiSuggested() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31")
                    .modules("WOOCOMMERCE")
                    .evaluate();
            assertEquals(Set.of("REQUIRES_DOCUMENTI"), a.reasons("WOOCOMMERCE"));
            assertEquals(List.of("ADD_MODULE DOCUMENTI"), a.suggestions());
        }

        @Test
        void wooCommerceWithDocumentiInTheCartIsAccepted() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31")
                    .modules("WOOCOMMERCE", "DOCUMENTI")
                    .evaluate();
            assertEquals("ACCEPTED", a.status("WOOCOMMERCE"));
            assertEquals(List.of(), a.suggestions());
        }

        @Test
        void wooCommerceWithDocumentiActiveIsAccepted() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31", "DOCUMENTI")
                    .modules("WOOCOMMERCE")
                    .evaluate();
            assertEquals("ACCEPTED", a.status("WOOCOMMERCE"));
        }

        @Test
        void documentiActiveAndInTheCartStillServesWooCommerce() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31", "DOCUMENTI")
                    .modules("DOCUMENTI", "WOOCOMMERCE")
                    .evaluate();
            assertEquals(Set.of("MODULE_ALREADY_ACTIVE"), a.reasons("DOCUMENTI"));
            assertEquals("ACCEPTED", a.status("WOOCOMMERCE"));
        }

        @Test
        void aRejectedDocumentiInTheCartDoesNotServeWooCommerceAndNothingIsSuggested() {
            Answer a = on("PANEL")
                    .account("FE_SOLO_RICEZIONE", "2027-12-31")
                    .modules("DOCUMENTI", "WOOCOMMERCE")
                    .evaluate();
            assertEquals(Set.of("MODULE_NOT_AVAILABLE_FOR_PLAN", "REQUIRES_DOCUMENTI"), a.reasons("WOOCOMMERCE"));
            assertEquals(List.of(), a.suggestions());
        }

        @Test
        void noSuggestionWhenWooCommerceHasAnotherReason() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31", "WOOCOMMERCE")
                    .modules("WOOCOMMERCE")
                    .evaluate();
            assertEquals(Set.of("MODULE_ALREADY_ACTIVE", "REQUIRES_DOCUMENTI"), a.reasons("WOOCOMMERCE"));
            assertEquals(List.of(), a.suggestions());
        }
    }

    @Nested
    @DisplayName("R9 users within the catalog maximum")
    class R9 {
        @Test
        void currentPlusNewUsersAtTheMaximumAreAccepted() {
            assertEquals(
                    "ACCEPTED",
                    on("PANEL")
                            .account("FE", "2027-12-31", 8, false)
                            .users(2)
                            .evaluate()
                            .status("MULTIUTENTE"));
        }

        @Test
        void oneUserBeyondTheMaximumIsRejectedWithTheRange() {
            Answer a =
                    on("PANEL").account("FE", "2027-12-31", 8, false).users(3).evaluate();
            assertEquals(Set.of("USERS_QUANTITY_OUT_OF_RANGE"), a.reasons("MULTIUTENTE"));
            assertEquals(
                    Map.of("max", 10, "current", 8, "requested", 3, "available", 2),
                    a.item("MULTIUTENTE").reasons().get(0).params());
            assertTrue(a.item("MULTIUTENTE").reasons().get(0).message().contains("da 1 a 2"));
        }

        @Test
        void aNewCustomerMayBuyUpToTheMaximum() {
            assertEquals(
                    "ACCEPTED",
                    on("PEC_IT_CART").plan("FE").users(10).evaluate().status("MULTIUTENTE"));
            assertEquals(
                    Set.of("USERS_QUANTITY_OUT_OF_RANGE"),
                    on("PEC_IT_CART").plan("FE").users(11).evaluate().reasons("MULTIUTENTE"));
        }

        @Test
        void zeroUsersIsNoUsersItem() {
            Answer a = on("PANEL")
                    .account("FE", "2027-12-31")
                    .modules("DOCUMENTI")
                    .users(0)
                    .evaluate();
            assertFalse(a.response().items().stream().anyMatch(i -> i.code().equals("MULTIUTENTE")));
        }
    }
}
