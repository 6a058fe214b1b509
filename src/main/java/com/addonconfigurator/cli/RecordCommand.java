package com.addonconfigurator.cli;

import java.io.PrintStream;
import java.util.List;

/** Not built yet. */
final class RecordCommand {
    private final PrintStream err;

    RecordCommand(PrintStream out, PrintStream err, java.io.InputStream in) {
        this.err = err;
    }

    int run(List<String> args) {
        err.println("not available yet");
        return Cli.USAGE;
    }
}
