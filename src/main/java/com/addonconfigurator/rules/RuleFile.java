package com.addonconfigurator.rules;

import java.util.List;

/** A DRL file of the ruleset with the names of its rules, in file order. */
public record RuleFile(String path, List<String> rules) {}
