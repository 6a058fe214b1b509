/**
 * The fact model the DRL files match: what the request says ({@code Evaluation}, {@code Account},
 * {@code CartOptions}, {@code Item}) and what the rules derive and decide ({@code Reason},
 * {@code Accepted}, {@code PriceLine}, {@code NextStep}, ...). Plain beans; imports nothing.
 */
package com.addonconfigurator.rules.facts;
