package com.addonconfigurator.rules;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts;
import com.addonconfigurator.Carts.Answer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** R10-R15: when things expire and what they cost. D = evaluation date, T = D + 12 months, E = account expiry. */
class TermAndPricingRulesTest {

    @Nested
    @DisplayName("R10 a new purchase runs from D to T")
    class R10 {
        @Test
        void planAndAddOnsExpireOnTAndThePlanIsAFullPriceLine() {
            Answer a = on("PEC_IT_CART")
                    .date("2026-11-28")
                    .plan("FE")
                    .modules("INCASSI_PAGAMENTI")
                    .users(2)
                    .evaluate();
            assertEquals("2027-11-28", a.expiresOn("FE"));
            assertEquals("2027-11-28", a.expiresOn("INCASSI_PAGAMENTI"));
            assertEquals("2027-11-28", a.expiresOn("MULTIUTENTE"));
            assertEquals("2027-11-28", a.accountExpiresOn());
            assertEquals("25.00", a.line("FE").amount());
            assertNull(a.line("FE").months());
            assertEquals("20.00", a.line("MULTIUTENTE").amount());
            assertEquals(12, a.line("MULTIUTENTE").months());
            assertFalse(a.hasLine("FE_EXTENSION"));
        }

        @Test
        void aLeapDayPlusTwelveMonthsIsTheLastDayOfFebruary() {
            Answer a = on("PEC_IT_CART").date("2028-02-29").plan("FE").users(1).evaluate();
            assertEquals("2029-02-28", a.expiresOn("FE"));
            assertEquals(12, a.line("MULTIUTENTE").months());
        }

        @Test
        void withoutAnAccountOrAnAcceptedPlanTheAccountExpiryIsNull() {
            Answer a = on("PEC_IT_CART").modules("DOCUMENTI").evaluate();
            assertNull(a.response().accountExpiresOn());
            assertNull(a.item("DOCUMENTI").expiresOn());
        }
    }

    @Nested
    @DisplayName("R11 the extension to T")
    class R11 {
        @Test
        void theApiExampleExtendsEightMonthsAtThePlansPrice() {
            Answer a = Carts.apiExample().evaluate();
            assertEquals(8, a.line("FE_EXTENSION").months());
            assertEquals("16.67", a.line("FE_EXTENSION").amount());
            assertEquals(List.of("INCASSI_PAGAMENTI", "MULTIUTENTE", "FE_EXTENSION"), a.lineCodes());
            assertEquals("76.67", a.net());
            assertEquals("16.87", a.response().pricing().vat());
            assertEquals("93.54", a.response().pricing().gross());
            assertEquals("2027-11-28", a.accountExpiresOn());
            assertEquals("2027-11-28", a.expiresOn("INCASSI_PAGAMENTI"));
        }

        @Test
        void monthsAreCountedUpToTheEndOfAShortMonth() {
            Answer a = on("PANEL")
                    .date("2026-11-30")
                    .account("FE", "2027-02-28")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals(10, a.line("FE_EXTENSION").months());
            assertEquals("20.83", a.line("FE_EXTENSION").amount());
            assertEquals("2027-11-30", a.expiresOn("DOCUMENTI"));
        }

        @Test
        void aLeapYearTermClampsToFebruaryTheTwentyEighth() {
            Answer a = on("PANEL")
                    .date("2028-02-29")
                    .account("FE", "2028-06-30")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals(8, a.line("FE_EXTENSION").months());
            assertEquals("2029-02-28", a.accountExpiresOn());
        }

        @Test
        void usersAloneAreExtendedToo() {
            Answer a = on("PANEL").account("FE", "2027-03-31").users(1).evaluate();
            assertTrue(a.hasLine("FE_EXTENSION"));
            assertEquals("2027-11-28", a.expiresOn("MULTIUTENTE"));
        }

        @Test
        void soloRicezioneExtendsAtItsOwnPrice() {
            Answer a = on("PANEL")
                    .account("FE_SOLO_RICEZIONE", "2027-03-31")
                    .users(1)
                    .evaluate();
            assertEquals("6.67", a.line("FE_EXTENSION").amount());
            assertEquals("10.00", a.line("MULTIUTENTE").amount());
            assertEquals("16.67", a.net());
            assertEquals("3.67", a.response().pricing().vat());
            assertEquals("20.34", a.response().pricing().gross());
        }

        @Test
        void nothingAcceptedMeansNoExtensionAndTheAccountKeepsItsExpiry() {
            Answer a = on("PANEL")
                    .account("FE", "2027-03-31", "DOCUMENTI")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertFalse(a.hasLine("FE_EXTENSION"));
            assertEquals("2027-03-31", a.accountExpiresOn());
            assertEquals("0.00", a.net());
            assertEquals(Set.of(), a.warnings());
        }
    }

    @Nested
    @DisplayName("R12 the extension declined")
    class R12 {
        @Test
        void modulesAreChargedInFullAndExpireWithTheAccount() {
            Answer a = on("PANEL")
                    .account("FE", "2027-03-31")
                    .modules("INCASSI_PAGAMENTI")
                    .users(2)
                    .extension(false)
                    .evaluate();
            assertEquals("30.00", a.line("INCASSI_PAGAMENTI").amount());
            assertEquals("2027-03-31", a.expiresOn("INCASSI_PAGAMENTI"));
            assertEquals("2027-03-31", a.expiresOn("MULTIUTENTE"));
            assertEquals(5, a.line("MULTIUTENTE").months());
            assertEquals("8.33", a.line("MULTIUTENTE").amount());
            assertFalse(a.hasLine("FE_EXTENSION"));
            assertEquals(Set.of("EXTENSION_DECLINED"), a.warnings());
            assertEquals("2027-03-31", a.accountExpiresOn());
        }

        @Test
        void usersOnAnAccountExpiringTodayCostNothing() {
            Answer a = on("PANEL")
                    .date("2026-11-28")
                    .account("FE", "2026-11-28")
                    .users(3)
                    .extension(false)
                    .evaluate();
            assertEquals(0, a.line("MULTIUTENTE").months());
            assertEquals("0.00", a.line("MULTIUTENTE").amount());
        }

        @Test
        void noWarningWhenNothingIsAccepted() {
            Answer a = on("PANEL")
                    .account("FE", "2027-03-31", "DOCUMENTI")
                    .modules("DOCUMENTI")
                    .extension(false)
                    .evaluate();
            assertEquals(Set.of(), a.warnings());
        }
    }

    @Nested
    @DisplayName("R13 an account that outlives the term")
    class R13 {
        @Test
        void anAccountExpiringOnTIsNotExtended() {
            Answer a = on("PANEL")
                    .date("2026-11-28")
                    .account("FE", "2027-11-28")
                    .modules("DOCUMENTI")
                    .users(1)
                    .evaluate();
            assertFalse(a.hasLine("FE_EXTENSION"));
            assertEquals("2027-11-28", a.expiresOn("DOCUMENTI"));
            assertEquals(12, a.line("MULTIUTENTE").months());
            assertEquals(Set.of(), a.warnings());
        }

        @Test
        void usersOnAnAccountBeyondTAreChargedForMoreThanTwelveMonths() {
            Answer a = on("PANEL")
                    .date("2026-11-28")
                    .account("FE", "2028-05-28")
                    .users(1)
                    .extension(false)
                    .evaluate();
            assertEquals("2028-05-28", a.expiresOn("MULTIUTENTE"));
            assertEquals(18, a.line("MULTIUTENTE").months());
            assertEquals("15.00", a.line("MULTIUTENTE").amount());
            assertEquals(Set.of(), a.warnings());
            assertEquals("2028-05-28", a.accountExpiresOn());
        }
    }

    @Nested
    @DisplayName("R14 R15 prices and the Documenti promotion")
    class R14R15 {
        @Test
        void documentiIsFreeWithANewFe() {
            Answer a = on("PEC_IT_CART")
                    .plan("FE")
                    .modules("DOCUMENTI", "INCASSI_PAGAMENTI")
                    .users(2)
                    .evaluate();
            assertEquals("0.00", a.line("DOCUMENTI").amount());
            assertEquals("DOCUMENTI_FREE_WITH_NEW_FE", a.line("DOCUMENTI").promotion());
            assertEquals(List.of("FE", "DOCUMENTI", "INCASSI_PAGAMENTI", "MULTIUTENTE"), a.lineCodes());
            assertEquals("75.00", a.net());
            assertEquals("16.50", a.response().pricing().vat());
            assertEquals("91.50", a.response().pricing().gross());
            assertTrue(a.response().checkoutAllowed());
        }

        @Test
        void documentiBoughtOnAnExistingAccountIsCharged() {
            Answer a =
                    on("PANEL").account("FE", "2027-11-28").modules("DOCUMENTI").evaluate();
            assertEquals("20.00", a.line("DOCUMENTI").amount());
            assertNull(a.line("DOCUMENTI").promotion());
        }

        @Test
        void rejectedItemsCarryNoPrice() {
            Answer a = on("PANEL")
                    .account("FE", "2027-11-28")
                    .modules("WOOCOMMERCE")
                    .evaluate();
            assertEquals(List.of(), a.lineCodes());
            assertEquals("0.00", a.response().pricing().gross());
            assertEquals("0.22", a.response().pricing().vatRate());
            assertEquals("EUR", a.response().pricing().currency());
        }
    }
}
