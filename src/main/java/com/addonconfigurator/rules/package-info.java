/**
 * The rule engine's core: a rules folder read ({@code RulesFolder}), guarded ({@code DrlGuard}),
 * compiled ({@code DrlCompiler}) and loaded into an immutable {@code Ruleset}; the registry that
 * swaps the active ruleset only when a candidate passes its gate; and {@code RuleEngine}, which runs
 * a ruleset over facts in phases (agenda groups). Imports {@code catalog}, {@code messages},
 * {@code yaml}, {@code hashing} and its own sub-packages.
 */
package com.addonconfigurator.rules;
