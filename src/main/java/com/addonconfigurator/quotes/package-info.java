/**
 * Quotes: a priced cart kept in the {@code store}, with the ruleset that priced it archived beside
 * it, so that checkout can confirm the price still holds ({@code QuoteService#confirm}) and anyone
 * can re-run the quote on the exact rules that made it ({@code Replayer}). Old quotes go
 * by themselves ({@code QuoteRetention}). Knows nothing of HTTP. Imports {@code evaluation},
 * {@code request}, {@code rules}, {@code messages} and {@code store}.
 */
package com.addonconfigurator.quotes;
