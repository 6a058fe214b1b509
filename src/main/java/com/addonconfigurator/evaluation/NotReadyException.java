package com.addonconfigurator.evaluation;

/** No ruleset has been loaded yet. */
public final class NotReadyException extends Exception {
    public NotReadyException() {
        super("no ruleset has been loaded yet");
    }
}
