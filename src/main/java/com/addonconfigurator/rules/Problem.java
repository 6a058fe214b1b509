package com.addonconfigurator.rules;

/**
 * Something wrong with the rules folder, where an analyst can find it.
 *
 * @param file   path relative to the rules folder
 * @param line   1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
