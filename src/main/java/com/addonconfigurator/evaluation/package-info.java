/**
 * One evaluation without HTTP: a request validated against the active catalog, turned into facts,
 * run through the rules, and the decisions read back into the response (and the options policy of
 * {@code /api/v1/options}). No business condition lives here: every decision is a fact the rules
 * inserted. Imports {@code request}, {@code rules}, {@code catalog}, {@code messages}.
 */
package com.addonconfigurator.evaluation;
