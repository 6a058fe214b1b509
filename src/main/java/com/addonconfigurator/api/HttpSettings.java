package com.addonconfigurator.api;

import java.util.List;

/**
 * What the HTTP edge needs from the configuration.
 *
 * @param adminToken               null or blank: the admin endpoints answer 404
 * @param maxConcurrentEvaluations beyond: 503 OVERLOADED with Retry-After
 * @param idleTimeoutMs            a client silent that long is cut off
 * @param shutdownTimeoutMs        how long requests in flight may finish on stop
 * @param allowedOrigins           CORS origins; empty: CORS off
 * @param stuckLimit               evaluations stuck past the time limit beyond which /health and /ready report
 *                                 the process unhealthy
 * @param bodyTimeoutMs            a request body must arrive whole within this, else 408
 * @param maxConcurrentBodies      bodies read at once at most; beyond, 503 OVERLOADED at once
 * @param threads                  the threads serving requests (Jetty's pool); a request beyond waits its turn
 */
public record HttpSettings(
        String adminToken,
        int maxConcurrentEvaluations,
        long idleTimeoutMs,
        long shutdownTimeoutMs,
        List<String> allowedOrigins,
        int threads,
        int stuckLimit,
        long bodyTimeoutMs,
        int maxConcurrentBodies) {}
