package com.addonconfigurator.rules;

/** The rules threw, or fired more often than the firing limit allows (a rule that loops). */
public final class RulesFailedException extends Exception {
    private final String rule;

    public RulesFailedException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The rule at fault: the one that threw, or the one that fired most; may be null. */
    public String rule() {
        return rule;
    }
}
