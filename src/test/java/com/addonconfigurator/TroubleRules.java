package com.addonconfigurator;

/** A DRL file that misbehaves on purpose, for tests of how the service survives its rules. */
public final class TroubleRules {
    /** Loops forever for seven users; throws for six users. */
    public static final String DRL = """
            package addonconfigurator;

            import com.addonconfigurator.rules.facts.*;

            rule "R99 Loops forever for seven users"
            ruleflow-group "decisions"
            when
                $item : Item( kind == "USERS", quantity == 7 )
            then
                update($item);
            end

            rule "R99 Throws for six users"
            ruleflow-group "decisions"
            when
                Item( kind == "USERS", quantity == 6 )
            then
                throw new IllegalStateException("boom");
            end
            """;

    private TroubleRules() {}
}
