package com.addonconfigurator.quotes;

import com.addonconfigurator.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How quotes are kept.
 *
 * @param database  where (the embedded database by default, PostgreSQL with DATABASE_URL)
 * @param ttl       QUOTE_TTL, an ISO-8601 duration such as PT30M, default none: a quote holds until
 *                  the end of its evaluation date in Europe/Rome, or this long after its creation if sooner
 * @param retention QUOTE_RETENTION, an ISO-8601 duration, default P400D: quotes older are deleted
 */
public record QuoteSettings(DatabaseSettings database, Duration ttl, Duration retention) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

    /** The embedded database in a folder, no TTL, the default retention. */
    public static QuoteSettings embedded(Path dataDir) {
        return new QuoteSettings(DatabaseSettings.embedded(dataDir), null, DEFAULT_RETENTION);
    }

    public QuoteSettings withTtl(Duration value) {
        return new QuoteSettings(database, value, retention);
    }

    public QuoteSettings withDatabase(DatabaseSettings value) {
        return new QuoteSettings(value, ttl, retention);
    }
}
