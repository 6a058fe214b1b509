package com.addonconfigurator;

import com.addonconfigurator.cli.Cli;

/** {@code java -jar addon-configurator.jar [command] …}: the commands are {@link Cli}'s. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit = new Cli(System.out, System.err, System.getenv(), System.in).run(args);
        if (exit >= 0) {
            System.exit(exit);
        }
    }
}
