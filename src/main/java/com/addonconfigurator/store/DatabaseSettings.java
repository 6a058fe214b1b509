package com.addonconfigurator.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the service keeps its data and how it reaches it.
 *
 * @param url       DATABASE_URL: a {@code jdbc:postgresql://…} URL; null for the embedded database
 * @param user      DATABASE_USER (PostgreSQL only)
 * @param password  DATABASE_PASSWORD (PostgreSQL only)
 * @param dataDir   DATA_DIR, default ./data: the embedded database's folder when there is no URL
 * @param poolSize  DATABASE_POOL_SIZE, default 8: connections at most
 * @param timeout   DATABASE_TIMEOUT_MS, default 2000: how long a request waits for a connection or
 *                  a statement before the store counts as unavailable
 */
public record DatabaseSettings(String url, String user, String password, Path dataDir, int poolSize, Duration timeout) {

    public static final Path DEFAULT_DATA_DIR = Path.of("./data");

    /** The embedded database in a folder, with the default pool and timeout. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(null, null, null, dataDir, 8, Duration.ofMillis(2_000));
    }

    /** PostgreSQL at a JDBC URL, with the default pool and timeout. */
    public static DatabaseSettings postgres(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_DATA_DIR, 8, Duration.ofMillis(2_000));
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** The JDBC URL the pool connects to: DATABASE_URL, or the embedded file in DATA_DIR. */
    String jdbcUrl() {
        return isEmbedded()
                ? "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("quotes")
                        // errors are logged by the service, not written to a trace file beside the data
                        + ";TRACE_LEVEL_FILE=0"
                : url;
    }

    /** Where the data is, for logs and errors, without credentials. */
    public String describe() {
        if (isEmbedded()) {
            return "the embedded database in " + dataDir.toAbsolutePath().normalize();
        }
        int query = url.indexOf('?');
        return "PostgreSQL at " + (query < 0 ? url : url.substring(0, query));
    }

    @Override
    public String toString() {
        return describe();
    }
}
