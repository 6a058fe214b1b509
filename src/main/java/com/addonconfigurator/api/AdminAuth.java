package com.addonconfigurator.api;

import com.addonconfigurator.hashing.Sha256;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoints' bearer token ({@code ADMIN_TOKEN}), compared in constant time. Without a
 * token the admin endpoints do not exist (404); a refused attempt is logged without the token.
 */
final class AdminAuth {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
    private final byte[] tokenHash;

    AdminAuth(String token) {
        this.tokenHash = token == null || token.isBlank() ? null : Sha256.of(token);
    }

    /** Returns when the request carries the token; otherwise throws the answer to give. */
    void require(Context ctx) throws HttpProblem {
        if (tokenHash == null) {
            throw new HttpProblem(404, "NOT_FOUND", Map.of("path", ctx.path()));
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : "";
        if (!MessageDigest.isEqual(tokenHash, Sha256.of(token))) {
            LOG.warn("refused {} from {}: missing or wrong admin token", ctx.path(), ctx.ip());
            throw new HttpProblem(401, "UNAUTHORIZED", Map.of());
        }
    }
}
