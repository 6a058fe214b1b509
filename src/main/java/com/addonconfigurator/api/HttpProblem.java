package com.addonconfigurator.api;

import java.util.List;
import java.util.Map;

/** An error answer decided at the HTTP edge, before or around the evaluation. */
final class HttpProblem extends Exception {
    final int status;
    final String code;
    final Map<String, ?> values;
    /** What the error's {@code details} list, or null. */
    final transient List<ApiError.Detail> details;

    HttpProblem(int status, String code, Map<String, ?> values) {
        this(status, code, values, null);
    }

    HttpProblem(int status, String code, Map<String, ?> values, List<ApiError.Detail> details) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.values = values;
        this.details = details;
    }
}
