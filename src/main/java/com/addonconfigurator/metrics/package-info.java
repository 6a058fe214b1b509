/**
 * Prometheus metrics: requests by method, route and status, evaluations by outcome, rejections by
 * reason, rule firings, reloads and the active ruleset.
 * Imports nothing of the service.
 */
package com.addonconfigurator.metrics;
