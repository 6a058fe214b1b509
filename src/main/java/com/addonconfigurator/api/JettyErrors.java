package com.addonconfigurator.api;

import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.messages.Language;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors the HTTP server raises before or around the application (a malformed request, headers
 * or a URI too long, a body too slow, shutting down), written in the contract's JSON error shape
 * instead of Jetty's HTML.
 */
final class JettyErrors extends ErrorHandler {
    /** Methods the service answers; any other is refused before the application sees it. */
    static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final ObjectMapper mapper;
    private final ErrorMessages messages;

    JettyErrors(ObjectMapper mapper, ErrorMessages messages) {
        this.mapper = mapper;
        this.messages = messages;
    }

    /** The contract's code for an HTTP status the server gives by itself. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "REQUEST_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /**
     * A request the connection could not even parse: no request, so Italian, the default language.
     * Jetty 12.1 marks this hook for removal but still renders such requests through it alone.
     */
    @SuppressWarnings("removal")
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(body(status, Language.IT, Map.of()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        Language language = Language.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("path", request.getHttpURI().getPath());
        values.put("method", request.getMethod());
        values.put("max", JsonBody.MAX_BODY_BYTES);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(body(status, language, values)), callback);
        return true;
    }

    /** Writes a refusal the service decides at the server's level (an unknown method, say). */
    void write(Request request, Response response, Callback callback, int status) {
        response.setStatus(status);
        handle(request, response, callback);
    }

    private byte[] body(int status, Language language, Map<String, ?> values) {
        String code = codeOf(status);
        try {
            return mapper.writeValueAsBytes(ApiError.of(code, messages.error(code, language, values)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error", e);
        }
    }
}
