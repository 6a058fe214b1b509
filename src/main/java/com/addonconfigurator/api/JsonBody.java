package com.addonconfigurator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads a request's JSON body: media type, then size, then JSON syntax, as the contract orders the
 * checks. A body must arrive whole within a deadline ({@code REQUEST_BODY_TIMEOUT_MS}, else 408 and
 * the connection closed), and only so many bodies still on their way are read at once ({@code
 * MAX_CONCURRENT_BODIES}, else 503 at once): a client trickling its body holds a thread for no
 * longer than the deadline, and slow clients together can never hold every thread, so {@code
 * /health} always has one. A body already whole in the server's buffer is read without a permit: it
 * cannot block, and under a full load of small bodies counting them refused good requests.
 */
final class JsonBody {
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** What is drained of a refused body at most; beyond, the connection is closed after the answer. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final ObjectMapper mapper;
    private final long timeoutNanos;
    private final Semaphore bodies;

    JsonBody(ObjectMapper mapper, long timeoutMs, int maxConcurrentBodies) {
        this.mapper = mapper;
        this.timeoutNanos = timeoutMs * 1_000_000;
        this.bodies = new Semaphore(maxConcurrentBodies);
    }

    JsonNode read(Context ctx) throws HttpProblem {
        if (!isJson(ctx.header("Content-Type"))) {
            drain(ctx);
            throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", Map.of());
        }
        byte[] bytes = readLimited(ctx);
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "empty body"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", describe(e)));
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
        } catch (NumberFormatException | ArithmeticException e) {
            // A number Java cannot hold (an exponent beyond int, say): Jackson lets these through.
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "a number is out of range"));
        }
    }

    /** application/json, with no charset or UTF-8. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv[0].trim().equalsIgnoreCase("charset")
                    && !(kv.length == 2 && kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads and discards what is left of a refused body (up to 1 MiB), so that the client has sent it
     * all before the answer comes: a connection closed under a client still sending loses the answer.
     */
    private static void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total <= DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
                total += n;
            }
            if (total > DRAIN_LIMIT) {
                ctx.header("Connection", "close");
            }
        } catch (IOException e) {
            ctx.header("Connection", "close");
        }
    }

    private byte[] readLimited(Context ctx) throws HttpProblem {
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            drain(ctx);
            throw tooLarge();
        }
        InputStream body;
        boolean arrived;
        try {
            body = ctx.req().getInputStream();
            // A body that came whole with the headers (nearly every one) cannot block a thread:
            // only a body still on its way takes one of the MAX_CONCURRENT_BODIES permits.
            long length = ctx.req().getContentLengthLong();
            arrived = length >= 0 && body.available() >= length;
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
        }
        if (!arrived && !bodies.tryAcquire()) {
            ctx.header("Connection", "close");
            ctx.header("Retry-After", "1");
            throw new HttpProblem(503, "OVERLOADED", Map.of());
        }
        EndPoint endPoint = endPoint(ctx);
        long idleTimeout = endPoint == null ? 0 : endPoint.getIdleTimeout();
        long deadline = System.nanoTime() + timeoutNanos;
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timeout(ctx);
                }
                if (endPoint != null) {
                    // a blocked read ends at the deadline, not after the connection's idle time-out
                    endPoint.setIdleTimeout(Math.max(1, Math.min(idleTimeout, left / 1_000_000 + 1)));
                }
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    if (System.nanoTime() - deadline > -2_000_000) {
                        throw timeout(ctx);
                    }
                    throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
                }
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    drain(ctx);
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
        } finally {
            if (endPoint != null) {
                endPoint.setIdleTimeout(idleTimeout);
            }
            if (!arrived) {
                bodies.release();
            }
        }
    }

    private static HttpProblem timeout(Context ctx) {
        ctx.header("Connection", "close");
        return new HttpProblem(408, "REQUEST_TIMEOUT", Map.of());
    }

    /** The connection's end point, to bound a blocked read; null when the server is not Jetty's. */
    private static EndPoint endPoint(Context ctx) {
        try {
            return ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData()
                    .getConnection()
                    .getEndPoint();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static HttpProblem tooLarge() {
        return new HttpProblem(413, "REQUEST_TOO_LARGE", Map.of("max", MAX_BODY_BYTES));
    }

    /** Jackson's own words, without the source excerpt (which would echo the body back). */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        var location = e.getLocation();
        return location == null
                ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
