package com.addonconfigurator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The error body of api.md: {@code {"error": {"code", "message", "field", "details"}}}. */
public record ApiError(Body error) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(
            String code, String message, String field, List<Detail> details, Object problems, String activeVersion) {}

    public record Detail(String field, String message) {}

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message, null, null, null, null));
    }
}
