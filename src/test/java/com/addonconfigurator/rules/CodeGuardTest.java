package com.addonconfigurator.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What rules may call is decided on the compiled code: no splitting over lines, string building,
 * string evaluation or fully qualified name gets around it, and each refusal is placed in the DRL.
 */
class CodeGuardTest {
    @TempDir
    Path temp;

    static Stream<Arguments> waysAroundAGuardThatReadsLines() {
        return Stream.of(
                Arguments.of(
                        "Class.forName split over lines, its name built from strings",
                        "Object r = Class\n        .forName(\"java.lang.Run\" + \"time\");",
                        "forName"),
                Arguments.of("System.exit split over lines", "System\n        .exit(3);", "exit"),
                Arguments.of(
                        "System.getenv split over lines",
                        "String t = System\n        .getenv(\"ADMIN_TOKEN\");",
                        "getenv"),
                Arguments.of(
                        "a string evaluated by MVEL",
                        "org.mvel2.MVEL.eval(\"new java.io.File('/tmp/x').delete()\");",
                        "MVEL"),
                Arguments.of("a Formatter writing a file", "new java.util.Formatter(\"/tmp/x\");", "Formatter"),
                Arguments.of("a logging FileHandler", "new java.util.logging.FileHandler(\"/tmp/x\");", "FileHandler"),
                Arguments.of("a ZipFile", "new java.util.zip.ZipFile(\"/tmp/x\");", "ZipFile"),
                Arguments.of(
                        "the clock through a chronology",
                        "java.time.chrono.IsoChronology.INSTANCE.dateNow();",
                        "dateNow"),
                Arguments.of(
                        "chance through SplittableRandom",
                        "new java.util.SplittableRandom().nextInt();",
                        "SplittableRandom"),
                Arguments.of(
                        "a parallel stream's threads",
                        "java.util.List.of(1, 2).parallelStream().count();",
                        "parallelStream"));
    }

    private static String inConsequence(String code) {
        return """
                package addonconfigurator;
                import com.addonconfigurator.rules.facts.*;

                rule "R99 Reaches outside"
                ruleflow-group "decisions"
                when
                    Item( kind == "USERS", quantity == 4 )
                then
                    %s
                end
                """.formatted(code);
    }

    @ParameterizedTest(name = "{0}: refused in a consequence at its line")
    @MethodSource("waysAroundAGuardThatReadsLines")
    void aWayAroundTheLinesIsRefusedInAConsequenceAtItsLine(String what, String code, String named) throws Exception {
        List<Problem> problems = problemsOf(inConsequence(code));

        assertFalse(problems.isEmpty(), what + " was allowed");
        Problem first = problems.get(0);
        assertEquals("reach.drl", first.file());
        assertTrue(first.line() >= 9 && first.line() <= 10, first.toString());
        assertTrue(first.message().contains("is not allowed in rules"), first.toString());
    }

    @ParameterizedTest(name = "{0}: refused in a function")
    @MethodSource("waysAroundAGuardThatReadsLines")
    void aWayAroundTheLinesIsRefusedInAFunction(String what, String code, String named) throws Exception {
        String drl = """
                package addonconfigurator;
                import com.addonconfigurator.rules.facts.*;

                function void reach() {
                    %s
                }
                """.formatted(code);

        List<Problem> problems = problemsOf(drl);

        assertFalse(problems.isEmpty(), what + " was allowed");
        assertEquals("reach.drl", problems.get(0).file());
        assertTrue(
                problems.get(0).line() >= 5 && problems.get(0).line() <= 6,
                problems.get(0).toString());
    }

    @ParameterizedTest(name = "{0}: refused by the compiled code alone")
    @MethodSource("waysAroundAGuardThatReadsLines")
    void theCompiledCodeIsRefusedWhateverTheTextGuardSaw(String what, String code, String named) {
        java.util.Map<String, byte[]> drl =
                java.util.Map.of("reach.drl", inConsequence(code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Problem> compileProblems = new java.util.ArrayList<>();
        var packages = DrlCompiler.compile(drl, compileProblems);
        assertEquals(List.of(), compileProblems);

        List<Problem> problems = new CodeGuard(AllowList.STANDARD).check(packages, drl);

        assertFalse(problems.isEmpty(), what + " was allowed");
        assertEquals("reach.drl", problems.get(0).file(), problems.toString());
        assertTrue(problems.get(0).line() >= 9 && problems.get(0).line() <= 10, problems.toString());
        assertTrue(problems.toString().contains(named), problems.toString());
    }

    @Test
    void theProjectsCompiledRulesCallNothingOutsideTheAllowList() {
        var ruleset = TestRules.project();
        java.util.Map<String, byte[]> drl = new java.util.TreeMap<>();
        assertEquals(
                List.of(),
                new CodeGuard(AllowList.STANDARD).check(ruleset.kieBase().getKiePackages(), drl));
    }

    @Test
    void aFullyQualifiedClassInAConditionIsRefusedAtItsLine() throws Exception {
        String drl = """
                package addonconfigurator;
                import com.addonconfigurator.rules.facts.*;

                rule "R99 Reads a file in a condition"
                ruleflow-group "decisions"
                when
                    Item( kind == "USERS", quantity == new java.io
                          .File("/etc/passwd").length() )
                then
                end
                """;

        List<Problem> problems = problemsOf(drl);

        assertEquals(2, problems.size(), problems.toString());
        assertEquals(7, problems.get(0).line(), problems.toString());
        assertTrue(problems.get(0).message().contains("java.io"), problems.toString());
    }

    @Test
    void anImportOfAClassRulesMayNotUseIsRefused() throws Exception {
        List<Problem> problems = problemsOf("""
                package addonconfigurator;
                import com.addonconfigurator.rules.facts.*;
                import java.util.Formatter;
                """);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
    }

    @Test
    void theProjectsRulesPassAndAClassAllowedBySettingMayBeCalled() throws Exception {
        String helper = "com.addonconfigurator.api.SlowRule";
        RulesCopy rules =
                RulesCopy.into(temp.resolve("rules")).write("helper.drl", inConsequence(helper + ".hold(0);"));
        AllowList withHelper = AllowList.standardAnd(List.of(helper));

        new RulesetLoader(Clock.systemUTC()).load(TestRules.FOLDER);
        new RulesetLoader(Clock.systemUTC(), CompiledRulesCache.NONE, RulesFolder.Limits.DEFAULT, withHelper)
                .load(rules.folder());
        assertFalse(problemsOf(inConsequence(helper + ".hold(0);")).isEmpty());
    }

    private List<Problem> problemsOf(String drl) throws Exception {
        RulesCopy rules =
                RulesCopy.into(temp.resolve("rules-" + System.nanoTime())).write("reach.drl", drl);
        try {
            new RulesetLoader(Clock.systemUTC()).load(rules.folder());
            return List.of();
        } catch (RulesetLoadException e) {
            return e.problems();
        }
    }
}
