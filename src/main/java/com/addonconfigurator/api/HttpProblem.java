package com.addonconfigurator.api;

import java.util.Map;

/** An error answer decided at the HTTP edge, before or around the evaluation. */
final class HttpProblem extends Exception {
    final int status;
    final String code;
    final Map<String, ?> values;

    HttpProblem(int status, String code, Map<String, ?> values) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.values = values;
    }
}
