package com.addonconfigurator.request;

import java.util.List;

/** A request with fields at fault; lists every one. */
public final class InvalidRequestException extends Exception {
    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("invalid request: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
