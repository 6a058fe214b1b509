package com.addonconfigurator.store;

/** The database cannot be reached, refused a statement, or is full: the store cannot answer now. */
public final class StoreUnavailableException extends Exception {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
