package com.addonconfigurator.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs a command of the CLI in-process and returns what it printed (for tests of other packages). */
public final class CliRunner {
    private CliRunner() {}

    public static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err,
                        Map.of("RULES_CACHE_DIR", "off"),
                        new ByteArrayInputStream(new byte[0]))
                .run(args);
        if (exit != 0) {
            throw new AssertionError("exit " + exit + ": " + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
