package com.addonconfigurator.scenarios;

/** A scenario file that cannot be read, with where the problem is. */
public final class ScenarioFileException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    public ScenarioFileException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
