package com.addonconfigurator.api;

/**
 * A helper a test's rules may call (allowed by setting) that spins until released: code that is not
 * the rules' own, so the watchdog does not stop it but counts its thread as stuck.
 */
public final class Spinner {
    private static volatile boolean released;

    private Spinner() {}

    public static void spinUntilReleased() {
        while (!released) {
            Thread.onSpinWait();
        }
    }

    static void release() {
        released = true;
    }
}
