package com.addonconfigurator.rules;

import java.util.List;

/** The rules folder could not be built into a ruleset; every problem found is listed. */
public final class RulesetLoadException extends Exception {
    private final List<Problem> problems;

    public RulesetLoadException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the rules folder: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
