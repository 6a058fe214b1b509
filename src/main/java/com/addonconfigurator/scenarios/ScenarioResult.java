package com.addonconfigurator.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * How one scenario went.
 *
 * @param scenario    null when its file could not be read
 * @param differences what differed, each as "path: expected …, actual …"; empty when it passed
 * @param actual      the keyed answer the scenario was compared with (null when it did not run)
 * @param firedRules  the rules that fired for it
 * @param codes       what it produced, as "reasons:CODE", "steps:CODE", "warnings:CODE", …
 */
public record ScenarioResult(
        String file,
        String name,
        Scenario scenario,
        List<String> differences,
        JsonNode actual,
        Set<String> firedRules,
        Set<String> codes) {
    public boolean passed() {
        return differences.isEmpty();
    }
}
