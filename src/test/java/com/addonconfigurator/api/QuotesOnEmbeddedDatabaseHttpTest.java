package com.addonconfigurator.api;

import com.addonconfigurator.store.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The quote endpoints on the embedded database, the default: a file under DATA_DIR. */
class QuotesOnEmbeddedDatabaseHttpTest extends QuotesHttpContract {
    @Override
    DatabaseSettings database() {
        return DatabaseSettings.embedded(temp.resolve("data"));
    }

    /** DATA_DIR is a file, not a folder: the database cannot be made there. */
    @Override
    DatabaseSettings unavailableDatabase() {
        try {
            Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
            return DatabaseSettings.embedded(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
