package com.addonconfigurator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The error body of api.md: {@code {"error": {"code", "message", "field", "details"}}}. */
public record ApiError(Body error) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(
            String code, String message, String field, List<Detail> details, Object problems, String activeVersion) {}

    /**
     * One field at fault, or one decision that differs ({@code quoted} and {@code now}: its value when
     * quoted and now, absent where there was none), or one item refused ({@code reason}: its code).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String field, String message, String reason, JsonNode quoted, JsonNode now) {
        public Detail(String field, String message) {
            this(field, message, null, null, null);
        }
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message, null, null, null, null));
    }
}
