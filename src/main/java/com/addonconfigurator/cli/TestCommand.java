package com.addonconfigurator.cli;

import java.io.PrintStream;
import java.util.List;

/** Not built yet. */
final class TestCommand {
    private final PrintStream err;

    TestCommand(PrintStream out, PrintStream err) {
        this.err = err;
    }

    int run(List<String> args) {
        err.println("not available yet");
        return Cli.USAGE;
    }
}
