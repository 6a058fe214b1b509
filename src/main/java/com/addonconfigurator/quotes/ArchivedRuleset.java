package com.addonconfigurator.quotes;

import java.time.Instant;
import java.util.Map;

/** A ruleset as archived: the rules folder's files by path, and the hash they must give again. */
public record ArchivedRuleset(String version, String contentHash, Instant archivedAt, Map<String, byte[]> files) {}
