/**
 * Strict YAML reading for the analysts' files: unknown keys and duplicate keys are
 * errors at their line and column. Imports nothing of the service.
 */
package com.addonconfigurator.yaml;
