package com.addonconfigurator.rules;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one attempt to build and activate the rules folder.
 *
 * @param status   LOADED or FAILED
 * @param version  the candidate's version when it was built, else null
 * @param problems each problem at its file, line and column
 * @param failingScenarios scenarios that failed against the candidate
 */
public record ReloadAttempt(
        String status, Instant at, String version, List<Problem> problems, List<ScenarioFailure> failingScenarios) {
    public static final String LOADED = "LOADED";
    public static final String FAILED = "FAILED";

    public boolean loaded() {
        return LOADED.equals(status);
    }

    /** A scenario that did not give what it expects: where it is and what differed. */
    public record ScenarioFailure(String file, int line, String scenario, List<String> differences) {}
}
