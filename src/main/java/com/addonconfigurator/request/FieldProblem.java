package com.addonconfigurator.request;

import java.util.Map;

/**
 * One field at fault in a request.
 *
 * @param field the field's path, e.g. {@code cart.modules[1]}
 * @param code  what is wrong: REQUIRED, UNKNOWN_FIELD, WRONG_TYPE, UNKNOWN_CODE, REPEATED, NEGATIVE,
 *              NOT_AN_INTEGER, TOO_LARGE, INVALID_DATE
 * @param args  values the message uses (e.g. {@code allowed}, {@code expected})
 */
public record FieldProblem(String field, String code, Map<String, Object> args) {}
