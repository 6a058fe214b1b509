package com.addonconfigurator.rules.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.Carts;
import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.scenarios.ScenarioGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart with unchanged rules reads them compiled; anything wrong with the cache only costs a compile. */
class CompiledRulesCacheTest {
    @TempDir
    Path temp;

    private RulesetLoader loader(Path cacheDir) {
        return new RulesetLoader(Clock.systemUTC(), CompiledRulesCache.in(cacheDir));
    }

    private static List<Path> entries(Path cacheDir) throws Exception {
        try (Stream<Path> list = Files.list(cacheDir)) {
            return list.filter(p -> p.toString().endsWith(".rules")).toList();
        }
    }

    /** Loads a copy of the project's rules with the cache, edits one file, and loads the copy again. */
    private Ruleset loadedAgainAfter(Path cache, String file, String text, String with) throws Exception {
        RulesCopy copy = RulesCopy.into(temp.resolve("rules"));
        loader(cache).load(copy.folder());
        copy.replace(file, text, with);
        return loader(cache).load(copy.folder());
    }

    @Test
    void aSecondLoadOfUnchangedRulesReadsThemCompiledAndEveryScenarioPassesOnThem() throws Exception {
        Path cache = temp.resolve("cache");
        Ruleset compiled = loader(cache).load(TestRules.FOLDER);
        Ruleset cached = loader(cache).load(TestRules.FOLDER);

        assertFalse(compiled.compiledFromCache());
        assertTrue(cached.compiledFromCache());
        assertEquals(compiled.version(), cached.version());
        assertEquals(compiled.files(), cached.files(), "every rule still traced to its file");
        assertEquals(compiled.readsCatalog(), cached.readsCatalog());
        assertEquals(
                List.of(),
                new ScenarioGate(new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT), Clock.systemUTC())
                        .check(cached, TestRules.FOLDER));
        assertEquals(
                Carts.apiExample().evaluate(compiled).response(),
                Carts.apiExample().evaluate(cached).response());
    }

    @Test
    void aChangedRuleFileIsCompiledAgainAndItsChangeIsSeen() throws Exception {
        Path cache = temp.resolve("cache");
        Ruleset edited = loadedAgainAfter(
                cache,
                "dependencies.drl",
                "$item : Item( code == \"WOOCOMMERCE\" )",
                "$item : Item( code == \"ORDINI_ELETTRONICI\" )");

        assertFalse(edited.compiledFromCache());
        assertEquals("ACCEPTED", Carts.apiExample().evaluate(edited).status("WOOCOMMERCE"));
        assertEquals(2, entries(cache).size(), "one entry per version of the DRL files");
    }

    @Test
    void aChangeOutsideTheDrlFilesStillReadsTheCompiledRules() throws Exception {
        Ruleset edited = loadedAgainAfter(
                temp.resolve("cache"),
                "catalog.yaml",
                "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                "price: \"42.00\"\n  - code: DOCUMENTI");

        assertTrue(edited.compiledFromCache());
        assertEquals(
                "42.00",
                Carts.apiExample().evaluate(edited).line("INCASSI_PAGAMENTI").amount());
    }

    @Test
    void anUnreadableEntryIsDroppedAndTheRulesAreCompiledAndKeptAgain() throws Exception {
        Path cache = temp.resolve("cache");
        loader(cache).load(TestRules.FOLDER);
        Path entry = entries(cache).get(0);
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));

        Ruleset reloaded = loader(cache).load(TestRules.FOLDER);

        assertFalse(reloaded.compiledFromCache());
        assertEquals("REJECTED", Carts.apiExample().evaluate(reloaded).status("WOOCOMMERCE"));
        assertTrue(Files.size(entry) > whole.length / 2, "the entry is written anew");
        assertTrue(loader(cache).load(TestRules.FOLDER).compiledFromCache());
    }

    @Test
    void anEntryThatIsNotCompiledRulesIsIgnored() throws Exception {
        Path cache = temp.resolve("cache");
        loader(cache).load(TestRules.FOLDER);
        Files.writeString(entries(cache).get(0), "not serialized rules", StandardCharsets.UTF_8);

        Ruleset reloaded = loader(cache).load(TestRules.FOLDER);

        assertFalse(reloaded.compiledFromCache());
        assertEquals("REJECTED", Carts.apiExample().evaluate(reloaded).status("WOOCOMMERCE"));
    }

    @Test
    void aCacheFolderThatCannotBeWrittenOnlyCostsTheCompile() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");

        Ruleset first = loader(notAFolder).load(TestRules.FOLDER);
        Ruleset second = loader(notAFolder).load(TestRules.FOLDER);

        assertFalse(first.compiledFromCache());
        assertFalse(second.compiledFromCache());
        assertEquals("REJECTED", Carts.apiExample().evaluate(second).status("WOOCOMMERCE"));
    }

    @Test
    void theCacheFolderIsCreatedForItsOwnerOnly() throws Exception {
        Path cache = temp.resolve("deep/cache");
        loader(cache).load(TestRules.FOLDER);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    @Test
    void aCacheFolderOthersMayWriteToIsNeitherReadNorWritten() throws Exception {
        Path cache = temp.resolve("cache");
        loader(cache).load(TestRules.FOLDER);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertFalse(
                loader(cache).load(TestRules.FOLDER).compiledFromCache(),
                "an entry others could have planted is not read");

        Path shared = Files.createDirectory(
                temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        loader(shared).load(TestRules.FOLDER);
        assertEquals(List.of(), entries(shared), "nothing is written there either");
    }

    @Test
    void aCacheFolderOfAnotherUserIsNotUsed() throws Exception {
        Path cache = temp.resolve("cache");
        loader(cache).load(TestRules.FOLDER);
        try {
            Files.setOwner(
                    cache, cache.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("only root can give a folder to another user here: " + e);
        }

        assertFalse(loader(cache).load(TestRules.FOLDER).compiledFromCache());
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKept() throws Exception {
        Path cache = temp.resolve("cache");
        CompiledRulesCache store = CompiledRulesCache.in(cache);
        Ruleset ruleset = TestRules.project();
        for (int i = 0; i < CompiledRulesCache.KEPT + 3; i++) {
            Map<String, byte[]> drl =
                    Map.of("rules-" + i + ".drl", ("// version " + i).getBytes(StandardCharsets.UTF_8));
            store.write(drl, ruleset.kieBase().getKiePackages());
            Files.setLastModifiedTime(
                    store.entry(drl), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }

        assertEquals(CompiledRulesCache.KEPT, entries(cache).size());
        assertNull(
                store.read(Map.of("rules-0.drl", "// version 0".getBytes(StandardCharsets.UTF_8))), "the oldest went");
        String newest = "// version " + (CompiledRulesCache.KEPT + 2);
        assertNotNull(store.read(
                Map.of("rules-" + (CompiledRulesCache.KEPT + 2) + ".drl", newest.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void withoutACacheEveryLoadCompiles() throws Exception {
        RulesetLoader plain = new RulesetLoader(Clock.systemUTC());

        assertFalse(plain.load(TestRules.FOLDER).compiledFromCache());
        assertFalse(plain.load(TestRules.FOLDER).compiledFromCache());
        assertFalse(CompiledRulesCache.NONE.enabled());
    }
}
