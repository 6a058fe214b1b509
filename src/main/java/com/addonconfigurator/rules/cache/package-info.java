/**
 * What is kept on disk between runs in {@code RULES_CACHE_DIR}: compiled rule packages and the
 * rules folders whose scenarios passed, each keyed by what it depends on and by the code that made
 * it. Anything wrong with the cache only costs a compile. Imports {@code hashing}.
 */
package com.addonconfigurator.rules.cache;
