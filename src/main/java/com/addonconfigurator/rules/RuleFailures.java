package com.addonconfigurator.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a failure of the rules says about where they were: the rule, the function, the watchdog's stop. */
final class RuleFailures {
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"|rule \"([^\"]+)\"");

    private RuleFailures() {}

    /** Whether a failure is, or was caused by, the watchdog's stop. */
    static boolean stoppedBy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ThreadDeath) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the rules were: the rule firing (known with the agenda listener), and the innermost
     * rule or function of the stack when that is another (a function the rule called).
     */
    static String where(String firing, String innermost) {
        if (firing == null) {
            return innermost;
        }
        return innermost == null || innermost.equals(firing) ? firing : firing + " in " + innermost;
    }

    /** The rule a failure names: Drools puts it in the message of a condition that threw. */
    static String ruleOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
