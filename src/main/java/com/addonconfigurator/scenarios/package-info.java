/**
 * QA's scenarios: read from YAML with every problem at its line, run against a ruleset, compared
 * with what they expect, reported; and the gate that refuses a ruleset whose scenarios fail.
 * Imports {@code evaluation}, {@code rules}, {@code json}, {@code yaml}; no {@code api} class.
 */
package com.addonconfigurator.scenarios;
