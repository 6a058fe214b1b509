package com.addonconfigurator.api;

/**
 * What a test's slow rule calls to hold its evaluation (rules may not read the clock themselves:
 * the load refuses it).
 */
public final class SlowRule {
    private SlowRule() {}

    public static void hold(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
