package com.addonconfigurator.quotes;

import java.time.Instant;

/**
 * A quote as kept: the request it priced (with its evaluation date), the answer it gave (plain, and
 * with the explanation kept at creation), and its confirmation once made.
 *
 * @param id                      random, 128 bits in hex (never taken for a command-line option): whoever has it may read the quote
 * @param reference               the shop's own opaque reference (its cart id, say), or null
 * @param rulesetVersion          the version of the ruleset that priced it, archived with it
 * @param language                the tag of the language its messages are in ({@code it}, {@code en})
 * @param request                 the evaluate request, as JSON, with its evaluation date
 * @param answer                  the evaluate answer, as JSON, exactly as it was given
 * @param explained               the same answer with its explanation (fired rules, derived facts, rules)
 * @param confirmedRulesetVersion the version of the ruleset that confirmed it, or null
 */
public record Quote(
        String id,
        String reference,
        Instant createdAt,
        Instant validUntil,
        String rulesetVersion,
        String language,
        String request,
        String answer,
        String explained,
        Instant confirmedAt,
        String confirmedRulesetVersion) {

    public enum Status {
        OPEN,
        EXPIRED,
        CONFIRMED
    }

    /** CONFIRMED once confirmed (for good), EXPIRED when open at or after {@code validUntil}, else OPEN. */
    public Status status(Instant now) {
        if (confirmedAt != null) {
            return Status.CONFIRMED;
        }
        return now.isBefore(validUntil) ? Status.OPEN : Status.EXPIRED;
    }

    Quote confirmed(Instant at, String version) {
        return new Quote(
                id,
                reference,
                createdAt,
                validUntil,
                rulesetVersion,
                language,
                request,
                answer,
                explained,
                at,
                version);
    }
}
