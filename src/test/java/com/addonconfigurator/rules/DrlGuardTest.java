package com.addonconfigurator.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules are code: the guard refuses what reaches outside the evaluation, at its line and column. */
class DrlGuardTest {
    private static String consequence(String code) {
        return "rule \"R1 x\"\nwhen\n    Item()\nthen\n    " + code + "\nend\n";
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
            strings = {
                "System.exit(1);",
                "Runtime.getRuntime().halt(0);",
                "new ProcessBuilder(\"ls\").start();",
                "Class.forName(\"x\");",
                "Item.class.getDeclaredFields();",
                "java.nio.file.Files.readString(null);",
                "new java.io.File(\"/etc/passwd\");",
                "new java.net.Socket(\"h\", 1);",
                "new Thread(() -> {}).start();",
                "java.util.concurrent.Executors.newFixedThreadPool(2);",
                "System.setProperty(\"a\", \"b\");",
                "String s = System.getenv(\"HOME\");",
                "LocalDate today = LocalDate.now();",
                "java.time.Instant.now();",
                "long t = System.currentTimeMillis();",
                "new java.util.Date();",
                "double r = Math.random();",
                "new java.util.Random().nextInt();"
            })
    void aForbiddenCallIsRefusedAtItsLine(String code) {
        List<Problem> problems = DrlGuard.check("x.drl", consequence(code));
        assertTrue(!problems.isEmpty(), code);
        assertEquals("x.drl", problems.get(0).file());
        assertEquals(5, problems.get(0).line());
        assertTrue(problems.get(0).column() >= 5, problems.get(0).toString());
    }

    @Test
    void wordsInRuleNamesMessagesAndCommentsAreAllowed() {
        String drl = """
                // Runtime: System.exit is mentioned only in this comment
                /* new Thread() in a block comment */
                rule "R5 Thread of a File: the Runtime of a Socket"
                when
                    Item( code == "System.exit" )
                then
                    insert(new Warning("THREAD_URL_FILE"));
                end
                """;
        assertEquals(List.of(), DrlGuard.check("x.drl", drl));
    }
}
