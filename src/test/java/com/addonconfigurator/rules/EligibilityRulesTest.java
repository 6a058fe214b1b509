package com.addonconfigurator.rules;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.addonconfigurator.Carts.Answer;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** R1-R7: who may buy what, where. Facts in, decisions out. */
class EligibilityRulesTest {

    @Nested
    @DisplayName("R1 modules only with Fatturazione Elettronica")
    class R1 {
        @Test
        void aModuleIsAcceptedForAnFeAccount() {
            Answer a =
                    on("PANEL").account("FE", "2027-12-31").modules("DOCUMENTI").evaluate();
            assertEquals("ACCEPTED", a.status("DOCUMENTI"));
        }

        @Test
        void everyModuleIsRejectedForASoloRicezioneAccount() {
            Answer a = on("PANEL")
                    .account("FE_SOLO_RICEZIONE", "2027-12-31")
                    .modules("DOCUMENTI", "INCASSI_PAGAMENTI", "ORDINI_ELETTRONICI")
                    .evaluate();
            for (String module : Set.of("DOCUMENTI", "INCASSI_PAGAMENTI", "ORDINI_ELETTRONICI")) {
                assertEquals(Set.of("MODULE_NOT_AVAILABLE_FOR_PLAN"), a.reasons(module));
            }
        }

        @Test
        void aModuleIsRejectedForTheAccountantsAccountWithThePlanAsParam() {
            Answer a = on("CUSTOMER_AREA")
                    .account("COMMERCIALISTA", "2027-12-31")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals(Set.of("MODULE_NOT_AVAILABLE_FOR_PLAN"), a.reasons("DOCUMENTI"));
            assertEquals(
                    "COMMERCIALISTA",
                    a.item("DOCUMENTI").reasons().get(0).params().get("plan"));
        }

        @Test
        void withoutAnAccountThePlanInTheCartIsJudged() {
            Answer a = on("PEC_IT_CART")
                    .plan("FE_SOLO_RICEZIONE")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals("ACCEPTED", a.status("FE_SOLO_RICEZIONE"));
            assertEquals(Set.of("MODULE_NOT_AVAILABLE_FOR_PLAN"), a.reasons("DOCUMENTI"));
        }
    }

    @Nested
    @DisplayName("R2 users for FE and Solo Ricezione, not the accountant")
    class R2 {
        @Test
        void usersAreAcceptedForSoloRicezione() {
            assertEquals(
                    "ACCEPTED",
                    on("PANEL")
                            .account("FE_SOLO_RICEZIONE", "2027-12-31")
                            .users(2)
                            .evaluate()
                            .status("MULTIUTENTE"));
        }

        @Test
        void usersAreRejectedForTheAccountantsAccount() {
            assertEquals(
                    Set.of("USERS_NOT_AVAILABLE_FOR_PLAN"),
                    on("PANEL")
                            .account("COMMERCIALISTA", "2027-12-31")
                            .users(2)
                            .evaluate()
                            .reasons("MULTIUTENTE"));
        }
    }

    @Nested
    @DisplayName("R3 first purchase on pec.it")
    class R3 {
        @Test
        void aNewCustomerBuysThePlanWithAddOns() {
            Answer a = on("PEC_IT_CART")
                    .plan("FE")
                    .modules("INCASSI_PAGAMENTI")
                    .users(2)
                    .evaluate();
            assertEquals("ACCEPTED", a.status("FE"));
            assertEquals("ACCEPTED", a.status("INCASSI_PAGAMENTI"));
            assertEquals("ACCEPTED", a.status("MULTIUTENTE"));
            assertEquals("PLAN", a.item("FE").kind());
        }

        @Test
        void addOnsWithoutAPlanInTheCartNeedOne() {
            Answer a = on("PEC_IT_CART").modules("DOCUMENTI").users(1).evaluate();
            assertEquals(Set.of("PLAN_REQUIRED"), a.reasons("DOCUMENTI"));
            assertEquals(Set.of("PLAN_REQUIRED"), a.reasons("MULTIUTENTE"));
        }

        @Test
        void theAccountantsAccountIsNotSoldOnPecIt() {
            Answer a = on("PEC_IT_CART")
                    .plan("COMMERCIALISTA")
                    .modules("DOCUMENTI")
                    .users(1)
                    .evaluate();
            assertEquals(Set.of("PLAN_NOT_SOLD_ON_CHANNEL"), a.reasons("COMMERCIALISTA"));
            assertEquals(Set.of("MODULE_NOT_AVAILABLE_FOR_PLAN"), a.reasons("DOCUMENTI"));
            assertEquals(Set.of("USERS_NOT_AVAILABLE_FOR_PLAN"), a.reasons("MULTIUTENTE"));
        }

        @Test
        void aCustomerWithAnAccountIsRefusedEveryItemOnPecIt() {
            Answer a = on("PEC_IT_CART")
                    .account("FE", "2027-12-31")
                    .plan("FE")
                    .modules("DOCUMENTI")
                    .users(1)
                    .evaluate();
            assertEquals(Set.of("ALREADY_SUBSCRIBED"), a.reasons("FE"));
            assertEquals(Set.of("ALREADY_SUBSCRIBED"), a.reasons("DOCUMENTI"));
            assertEquals(Set.of("ALREADY_SUBSCRIBED"), a.reasons("MULTIUTENTE"));
        }
    }

    @Nested
    @DisplayName("R4 customer area, panel and app are for existing customers")
    class R4 {
        @Test
        void withoutAnAccountEveryItemIsRefused() {
            for (String channel : Set.of("CUSTOMER_AREA", "PANEL")) {
                Answer a = on(channel).modules("DOCUMENTI").users(1).evaluate();
                assertEquals(Set.of("NO_ACTIVE_SUBSCRIPTION"), a.reasons("DOCUMENTI"), channel);
                assertEquals(Set.of("NO_ACTIVE_SUBSCRIPTION"), a.reasons("MULTIUTENTE"), channel);
            }
        }

        @Test
        void aPlanInTheCartIsNotSoldOutsidePecIt() {
            Answer a = on("CUSTOMER_AREA")
                    .account("FE", "2027-12-31")
                    .plan("FE")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals(Set.of("PLAN_NOT_SOLD_ON_CHANNEL"), a.reasons("FE"));
            assertEquals("ACCEPTED", a.status("DOCUMENTI"));
            assertFalse(a.response().checkoutAllowed());
        }

        @Test
        void reasonsAddUpWithoutAccountAndWithAPlanOffPecIt() {
            Answer a = on("PANEL").plan("FE").evaluate();
            assertEquals(Set.of("PLAN_NOT_SOLD_ON_CHANNEL", "NO_ACTIVE_SUBSCRIPTION"), a.reasons("FE"));
        }
    }

    @Nested
    @DisplayName("R5 the app sells modules on Android only")
    class R5 {
        @Test
        void androidBuysAModule() {
            assertEquals(
                    "ACCEPTED",
                    on("MOBILE_APP")
                            .platform("ANDROID")
                            .account("FE", "2027-12-31")
                            .modules("DOCUMENTI")
                            .evaluate()
                            .status("DOCUMENTI"));
        }

        @Test
        void iosIsRefusedEveryItem() {
            Answer a = on("MOBILE_APP")
                    .platform("IOS")
                    .account("FE", "2027-12-31")
                    .modules("DOCUMENTI")
                    .users(1)
                    .evaluate();
            assertEquals(Set.of("CHANNEL_NOT_AVAILABLE_ON_PLATFORM"), a.reasons("DOCUMENTI"));
            assertEquals(
                    Set.of("CHANNEL_NOT_AVAILABLE_ON_PLATFORM", "USERS_NOT_SOLD_IN_APP"), a.reasons("MULTIUTENTE"));
        }

        @Test
        void usersAreNotSoldInTheAppEvenOnAndroid() {
            Answer a = on("MOBILE_APP")
                    .platform("ANDROID")
                    .account("FE", "2027-12-31")
                    .users(1)
                    .evaluate();
            assertEquals(Set.of("USERS_NOT_SOLD_IN_APP"), a.reasons("MULTIUTENTE"));
        }

        @Test
        void thePlatformIsIgnoredOffTheApp() {
            assertEquals(
                    "ACCEPTED",
                    on("PANEL")
                            .platform("IOS")
                            .account("FE", "2027-12-31")
                            .modules("DOCUMENTI")
                            .evaluate()
                            .status("DOCUMENTI"));
        }
    }

    @Test
    @DisplayName("R6 a module already active is not bought again")
    void aModuleAlreadyActiveIsRejected() {
        Answer a = on("PANEL")
                .account("FE", "2027-12-31", "DOCUMENTI")
                .modules("DOCUMENTI", "INCASSI_PAGAMENTI")
                .evaluate();
        assertEquals(Set.of("MODULE_ALREADY_ACTIVE"), a.reasons("DOCUMENTI"));
        assertEquals("ACCEPTED", a.status("INCASSI_PAGAMENTI"));
    }

    @Nested
    @DisplayName("R7 an expired account buys nothing")
    class R7 {
        @Test
        void anAccountExpiredYesterdayIsRefusedEveryItem() {
            Answer a = on("PANEL")
                    .date("2026-11-28")
                    .account("FE", "2026-11-27")
                    .modules("DOCUMENTI")
                    .users(1)
                    .evaluate();
            assertEquals(Set.of("ACCOUNT_EXPIRED"), a.reasons("DOCUMENTI"));
            assertEquals(Set.of("ACCOUNT_EXPIRED"), a.reasons("MULTIUTENTE"));
            assertEquals("2026-11-27", a.accountExpiresOn());
            assertFalse(a.hasLine("FE_EXTENSION"));
        }

        @Test
        void anAccountExpiringOnTheEvaluationDateIsNotExpired() {
            Answer a = on("PANEL")
                    .date("2026-11-28")
                    .account("FE", "2026-11-28")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals("ACCEPTED", a.status("DOCUMENTI"));
        }

        @Test
        void reasonsAddUpOnAnExpiredAccountantsAccount() {
            Answer a = on("PANEL")
                    .account("COMMERCIALISTA", "2026-01-01", "DOCUMENTI")
                    .modules("DOCUMENTI")
                    .evaluate();
            assertEquals(
                    Set.of("ACCOUNT_EXPIRED", "MODULE_NOT_AVAILABLE_FOR_PLAN", "MODULE_ALREADY_ACTIVE"),
                    a.reasons("DOCUMENTI"));
        }
    }
}
