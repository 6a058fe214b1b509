package com.addonconfigurator.request;

import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.messages.Language;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field at fault in a request.
 *
 * @param field the field's path, e.g. {@code cart.modules[1]}
 * @param code  what is wrong: REQUIRED, UNKNOWN_FIELD, WRONG_TYPE, UNKNOWN_CODE, REPEATED, NEGATIVE,
 *              NOT_AN_INTEGER, TOO_LARGE, INVALID_DATE; for quotes TOO_LONG (reference), NOT_TODAY (evaluationDate)
 * @param args  values the message uses (e.g. {@code allowed}, {@code expected})
 */
public record FieldProblem(String field, String code, Map<String, Object> args) {
    /** How a problem with the whole body names its field: the root of the JSON document. */
    public static final String ROOT = "$";

    /** The field's path, {@link #ROOT} for the whole body. */
    public String path() {
        return field.isEmpty() ? ROOT : field;
    }

    /** The problem in words, in the language asked. */
    public String message(ErrorMessages messages, Language language) {
        Map<String, Object> values = new LinkedHashMap<>(args);
        values.put("field", path());
        return messages.field(code, language, values);
    }
}
