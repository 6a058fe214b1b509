package com.addonconfigurator.yaml;

import java.util.List;

/**
 * A catalog or messages file that cannot be used, with where each problem is (line 0: unknown).
 * The first problem is the exception's own line, column and message.
 */
public final class InvalidFileException extends Exception {
    /** One problem at its place in the file. */
    public record Located(int line, int column, String message) {}

    private final List<Located> problems;

    public InvalidFileException(int line, int column, String message) {
        this(List.of(new Located(line, column, message)));
    }

    public InvalidFileException(List<Located> problems) {
        super(problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public int line() {
        return problems.get(0).line();
    }

    public int column() {
        return problems.get(0).column();
    }

    /** Every problem, the first one included. */
    public List<Located> problems() {
        return problems;
    }
}
