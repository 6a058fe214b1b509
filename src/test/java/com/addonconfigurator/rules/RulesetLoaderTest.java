package com.addonconfigurator.rules;

import static com.addonconfigurator.Carts.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts;
import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules folder is the analysts': their edits change answers without Java, their mistakes point at their lines. */
class RulesetLoaderTest {
    @TempDir
    Path temp;

    private final RulesetLoader loader = new RulesetLoader(Clock.systemUTC());

    @Test
    void everyDrlFileAndItsRuleNamesAreListedWithRuleIds() {
        Ruleset ruleset = TestRules.project();
        List<String> files = ruleset.files().stream().map(RuleFile::path).toList();
        assertEquals(
                List.of(
                        "cart.drl",
                        "dependencies.drl",
                        "eligibility.drl",
                        "next-steps.drl",
                        "pricing.drl",
                        "users.drl"),
                files);
        for (RuleFile file : ruleset.files()) {
            for (String rule : file.rules()) {
                assertTrue(rule.matches("R\\d+ .*"), "rule name without a spec id: " + rule);
            }
        }
        assertEquals("dependencies.drl", ruleset.ruleFile().get("R8 WooCommerce needs Documenti"));
    }

    @Test
    void changingAPriceInTheCatalogChangesTheAnswer() throws Exception {
        RulesCopy copy = RulesCopy.into(temp)
                .replace(
                        "catalog.yaml",
                        "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                        "price: \"42.00\"\n  - code: DOCUMENTI");
        Ruleset edited = loader.load(copy.folder());

        assertEquals(
                "30.00", Carts.apiExample().evaluate().line("INCASSI_PAGAMENTI").amount());
        assertEquals(
                "42.00",
                Carts.apiExample().evaluate(edited).line("INCASSI_PAGAMENTI").amount());
        assertEquals("88.67", Carts.apiExample().evaluate(edited).net());
        assertNotEquals(TestRules.project().version(), edited.version());
    }

    @Test
    void changingAConditionInADrlFileChangesTheAnswer() throws Exception {
        RulesCopy copy = RulesCopy.into(temp)
                .replace(
                        "dependencies.drl",
                        "$item : Item( code == \"WOOCOMMERCE\" )",
                        "$item : Item( code == \"ORDINI_ELETTRONICI\" )");
        Ruleset edited = loader.load(copy.folder());

        Carts cart = on("PANEL").account("FE", "2027-12-31").modules("WOOCOMMERCE", "ORDINI_ELETTRONICI");
        assertEquals(Set.of("REQUIRES_DOCUMENTI"), cart.evaluate().reasons("WOOCOMMERCE"));
        assertEquals("ACCEPTED", cart.evaluate().status("ORDINI_ELETTRONICI"));
        assertEquals("ACCEPTED", cart.evaluate(edited).status("WOOCOMMERCE"));
        assertEquals(Set.of("REQUIRES_DOCUMENTI"), cart.evaluate(edited).reasons("ORDINI_ELETTRONICI"));
    }

    @Test
    void aSyntaxErrorIsReportedAtItsFileAndLine() {
        RulesCopy copy = RulesCopy.into(temp)
                .replace("cart.drl", "    not Reason( item == $code )", "    not Reason( item == )");
        int line = copy.lineOf("cart.drl", "not Reason( item == )");

        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(copy.folder()));

        Problem p = e.problems().get(0);
        assertEquals("cart.drl", p.file());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.column() > 0, "a column is parsed from the message: " + p);
    }

    @Test
    void anUnknownFactFieldIsReportedAtItsFileAndLine() {
        RulesCopy copy = RulesCopy.into(temp)
                .replace(
                        "next-steps.drl",
                        "Accepted( code == \"WOOCOMMERCE\", $code : code )",
                        "Accepted( colour == \"WOOCOMMERCE\", $code : code )");
        int line = copy.lineOf("next-steps.drl", "colour ==");

        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(copy.folder()));

        Problem p = e.problems().get(0);
        assertEquals("next-steps.drl", p.file());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains("colour"), p.message());
    }

    /** The project's rules with the catalog's global replaced by constants, and its declarations removed. */
    private RulesCopy rulesWithoutTheCatalogGlobal() {
        return RulesCopy.into(temp)
                .replace("users.drl", "global Catalog catalog;", "")
                .replace("users.drl", "quantity > catalog.maxUsers - $current", "quantity > 10 - $current")
                .replace("users.drl", "int max = catalog.getMaxUsers();", "int max = 10;")
                .replace("pricing.drl", "global Catalog catalog;", "")
                .replace("pricing.drl", "catalog.getTermMonths()", "12")
                .replace("pricing.drl", "catalog.price($code)", "java.math.BigDecimal.TEN")
                .replace("pricing.drl", "catalog.price($plan)", "java.math.BigDecimal.TEN")
                .replace("pricing.drl", "catalog.getVatRate()", "new BigDecimal(\"0.22\")")
                .replace("pricing.drl", "    eval( catalog.promotionInForce(\"DOCUMENTI_FREE_WITH_NEW_FE\") )\n", "");
    }

    @Test
    void theCatalogGlobalDeclaredWithAnotherTypeIsReportedAtItsLine() {
        RulesCopy copy = rulesWithoutTheCatalogGlobal()
                .replace("users.drl", "import java.util.Map;", "import java.util.Map;\nglobal String catalog;");

        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(copy.folder()));

        Problem p = e.problems().get(0);
        assertEquals("users.drl", p.file());
        assertEquals(copy.lineOf("users.drl", "global String catalog;"), p.line(), p.toString());
        assertTrue(p.message().contains("com.addonconfigurator.catalog.Catalog"), p.message());
    }

    @Test
    void rulesThatDoNotDeclareTheCatalogGlobalStillLoadAndRun() throws Exception {
        Ruleset ruleset = loader.load(rulesWithoutTheCatalogGlobal().folder());

        assertEquals(false, ruleset.readsCatalog());
        assertEquals("ACCEPTED", Carts.apiExample().evaluate(ruleset).status("INCASSI_PAGAMENTI"));
        assertEquals(
                "10.00",
                Carts.apiExample().evaluate(ruleset).response().pricing().lines().stream()
                        .filter(l -> l.code().equals("INCASSI_PAGAMENTI"))
                        .findFirst()
                        .orElseThrow()
                        .amount());
    }

    @Test
    void aBrokenCatalogIsReportedAtItsLine() {
        RulesCopy copy = RulesCopy.into(temp).replace("catalog.yaml", "vatRate: \"0.22\"", "vatRate: [oops]");

        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(copy.folder()));

        Problem p = e.problems().get(0);
        assertEquals("catalog.yaml", p.file());
        assertEquals(copy.lineOf("catalog.yaml", "vatRate:"), p.line(), p.toString());
    }

    @Test
    void aMessageWithoutItsEnglishTextIsRefused() {
        RulesCopy copy = RulesCopy.into(temp)
                .replace("messages.yaml", "    en: \"Multi-user management is not available for {plan}.\"\n", "");

        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(copy.folder()));

        assertEquals("messages.yaml", e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().contains("USERS_NOT_AVAILABLE_FOR_PLAN"), e.getMessage());
    }

    @Test
    void aFileThatLeadsOutsideTheRulesFolderIsRefused() throws Exception {
        RulesCopy copy = RulesCopy.into(temp.resolve("rules"));
        java.nio.file.Path outside = java.nio.file.Files.writeString(temp.resolve("outside.drl"), "package x;\n");
        java.nio.file.Files.createSymbolicLink(copy.file("sneaky.drl"), outside);

        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(copy.folder()));

        assertEquals("sneaky.drl", e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().contains("outside the rules folder"), e.getMessage());
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        RulesetLoadException e = assertThrows(RulesetLoadException.class, () -> loader.load(temp.resolve("nowhere")));
        assertTrue(e.problems().get(0).message().contains("does not exist"));
    }
}
