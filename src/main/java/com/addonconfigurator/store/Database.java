package com.addonconfigurator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool of connections to the database, opened on first use; the schema is migrated to the
 * latest version then (and tried again, at most once per {@link #RETRY_AFTER}, while it fails), so
 * that a database down at start-up delays nothing but the requests that need it.
 */
public final class Database implements AutoCloseable {
    /** How long after a failed migration the next request tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final Clock clock;
    private HikariDataSource pool;
    /** Set once the schema is migrated: from then on a connection is taken without the lock. */
    private volatile HikariDataSource ready;

    private Instant nextAttempt = Instant.MIN;
    private boolean closed;

    public Database(DatabaseSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Seconds a statement may run, from the settings' timeout (at least one); 0, no limit, for the
     * embedded database, which runs in this process and waits for nothing but its own locks.
     */
    public int statementTimeoutSeconds() {
        return settings.isEmbedded() ? 0 : (int) Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
    }

    /** A connection with auto-commit off, from a migrated database; close it after use. */
    public Connection connection() throws StoreUnavailableException {
        HikariDataSource source = ready;
        if (source == null) {
            source = migratedPool();
        }
        try {
            Connection c = source.getConnection();
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot reach " + settings.describe() + ": " + e.getMessage(), e);
        }
    }

    private synchronized HikariDataSource migratedPool() throws StoreUnavailableException {
        if (closed) {
            throw new StoreUnavailableException("the store is closed", null);
        }
        if (pool == null) {
            pool = open();
        }
        if (ready == null) {
            Instant now = clock.instant();
            if (now.isBefore(nextAttempt)) {
                throw new StoreUnavailableException(
                        settings.describe() + " could not be migrated; trying again soon", null);
            }
            try {
                Flyway.configure()
                        .dataSource(pool)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                ready = pool;
                LOG.info("quotes are kept in {}", settings.describe());
            } catch (RuntimeException e) {
                nextAttempt = now.plus(RETRY_AFTER);
                LOG.warn("cannot migrate {}: {}", settings.describe(), e.getMessage());
                throw new StoreUnavailableException("cannot migrate " + settings.describe() + ": " + e.getMessage(), e);
            }
        }
        return pool;
    }

    private HikariDataSource open() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("store");
        config.setJdbcUrl(settings.jdbcUrl());
        if (!settings.isEmbedded()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(Math.max(250, settings.timeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.timeout().toMillis(), 5_000)));
        // the database may be down now: the pool is made anyway, and connects when asked
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Closes the pool (the embedded database is closed with its last connection). */
    @Override
    public synchronized void close() {
        closed = true;
        ready = null;
        if (pool != null) {
            pool.close();
        }
    }
}
