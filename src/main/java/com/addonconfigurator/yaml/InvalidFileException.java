package com.addonconfigurator.yaml;

/** A catalog or messages file that cannot be used, with where the problem is (line 0: unknown). */
public final class InvalidFileException extends Exception {
    private final int line;
    private final int column;

    public InvalidFileException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
