/**
 * Strict YAML reading for the analysts' files: unknown keys and duplicate keys are
 * errors at their line and column; where each key and value of a text lies ({@code YamlSpans}),
 * so that a problem found after reading names its line too. Imports nothing of the service.
 */
package com.addonconfigurator.yaml;
