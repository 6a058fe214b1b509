package com.addonconfigurator.api;

import com.addonconfigurator.store.DatabaseSettings;
import com.addonconfigurator.store.TestDatabases;

/** The quote endpoints on a real PostgreSQL, as several replicas share it. */
class QuotesOnPostgresHttpTest extends QuotesHttpContract {
    @Override
    DatabaseSettings database() {
        return TestDatabases.freshPostgres();
    }

    @Override
    DatabaseSettings unavailableDatabase() {
        return TestDatabases.downPostgres();
    }
}
