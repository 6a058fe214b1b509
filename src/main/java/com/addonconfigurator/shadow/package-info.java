/**
 * Shadow rules: a candidate ruleset (RULES_CANDIDATE_DIR) answering a sample of the live traffic
 * off the request path ({@code ShadowEvaluator}: a bounded queue, one worker at the lowest
 * priority), its answers compared with the live ones as {@code diff} compares them, counted and
 * kept as recent examples ({@code ShadowReport}). Nothing here can reach a live answer. Imports
 * {@code evaluation}, {@code request}, {@code rules}, {@code messages}, {@code metrics}.
 */
package com.addonconfigurator.shadow;
