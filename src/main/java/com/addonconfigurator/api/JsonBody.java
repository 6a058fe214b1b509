package com.addonconfigurator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Reads a request's JSON body: media type, then size, then JSON syntax, as the contract orders the checks. */
final class JsonBody {
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** What is drained of a refused body at most; beyond, the connection is closed after the answer. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final ObjectMapper mapper;

    JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
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

    private static byte[] readLimited(Context ctx) throws HttpProblem {
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            drain(ctx);
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    drain(ctx);
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new HttpProblem(400, "INVALID_JSON", Map.of("detail", "unreadable body"));
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
