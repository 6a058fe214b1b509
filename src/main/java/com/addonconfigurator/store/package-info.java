/**
 * The service's database: where it is ({@code DatabaseSettings}: an embedded H2 file under
 * DATA_DIR, or PostgreSQL at DATABASE_URL), a connection pool, and the schema's versioned
 * migrations (Flyway, {@code db/migration}). Opened on first use and migrated then, so that the
 * service starts and evaluates whatever state the database is in. Imports nothing of the project.
 */
package com.addonconfigurator.store;
