package com.addonconfigurator.cli;

import java.io.PrintStream;
import java.util.List;

/** Not built yet. */
final class DiffCommand {
    private final PrintStream err;

    DiffCommand(PrintStream out, PrintStream err) {
        this.err = err;
    }

    int run(List<String> args) {
        err.println("not available yet");
        return Cli.USAGE;
    }
}
