package com.addonconfigurator.quotes;

import com.addonconfigurator.store.Database;
import com.addonconfigurator.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quotes and archived rulesets in the database, in plain SQL that H2 and PostgreSQL both run. Every
 * method is one transaction; any failure of the database is a {@link StoreUnavailableException}.
 * The answers are kept gzipped: a quote's JSON is 7 KB, gzipped 2 KB, and the embedded database
 * writes its pages on one thread, so the bytes it writes bound how many quotes it takes a second.
 */
public final class QuoteStore {
    /** SQLSTATE class 23: a unique or foreign key constraint refused the statement. */
    private static final String INTEGRITY_VIOLATION = "23";

    private static final String QUOTE_COLUMNS = "id, reference, created_at, valid_until, ruleset_version, language,"
            + " request, answer_gzip, explained_gzip, confirmed_at, confirmed_ruleset_version";

    private final Database database;
    private final int timeoutSeconds;
    private final Set<String> archivedVersions = ConcurrentHashMap.newKeySet();

    public QuoteStore(Database database) {
        this.database = database;
        this.timeoutSeconds = database.statementTimeoutSeconds();
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T transaction(Work<T> work) throws StoreUnavailableException {
        try (Connection c = database.connection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    database.settings().describe() + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState()
                            + ")",
                    e);
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        if (timeoutSeconds > 0) {
            statement.setQueryTimeout(timeoutSeconds);
        }
        return statement;
    }

    /**
     * Stores a quote and, unless it is archived already, the ruleset that priced it: both or neither.
     * The versions known to be archived are remembered, which spares a quote the look-up; when the
     * memory is wrong (retention, here or on another replica, deleted the archive since) or two
     * replicas archive the same new version at once, the constraint refuses the insert and it is
     * tried once more, looking the archive up.
     */
    public void insert(Quote quote, String contentHash, Map<String, byte[]> rulesetFiles)
            throws StoreUnavailableException {
        try {
            transaction(c ->
                    insert(c, quote, contentHash, rulesetFiles, archivedVersions.contains(quote.rulesetVersion())));
        } catch (StoreUnavailableException e) {
            if (!(e.getCause() instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_VIOLATION))) {
                throw e;
            }
            archivedVersions.clear();
            transaction(c -> insert(c, quote, contentHash, rulesetFiles, false));
        }
        archivedVersions.add(quote.rulesetVersion());
    }

    private Void insert(Connection c, Quote q, String contentHash, Map<String, byte[]> files, boolean known)
            throws SQLException {
        if (!known && !archived(c, q.rulesetVersion())) {
            try (PreparedStatement s =
                    prepare(c, "INSERT INTO rulesets (version, content_hash, archived_at) VALUES (?, ?, ?)")) {
                s.setString(1, q.rulesetVersion());
                s.setString(2, contentHash);
                setTime(s, 3, q.createdAt());
                s.executeUpdate();
            }
            try (PreparedStatement s =
                    prepare(c, "INSERT INTO ruleset_files (version, path, content) VALUES (?, ?, ?)")) {
                for (var file : files.entrySet()) {
                    s.setString(1, q.rulesetVersion());
                    s.setString(2, file.getKey());
                    s.setBytes(3, file.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        try (PreparedStatement s =
                prepare(c, "INSERT INTO quotes (" + QUOTE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, q.id());
            s.setString(2, q.reference());
            setTime(s, 3, q.createdAt());
            setTime(s, 4, q.validUntil());
            s.setString(5, q.rulesetVersion());
            s.setString(6, q.language());
            s.setString(7, q.request());
            s.setBytes(8, Gzip.of(q.answer()));
            s.setBytes(9, Gzip.of(q.explained()));
            setTime(s, 10, q.confirmedAt());
            s.setString(11, q.confirmedRulesetVersion());
            s.executeUpdate();
        }
        return null;
    }

    private boolean archived(Connection c, String version) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT 1 FROM rulesets WHERE version = ?")) {
            s.setString(1, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    public Optional<Quote> find(String id) throws StoreUnavailableException {
        return transaction(c -> {
            try (PreparedStatement s = prepare(c, "SELECT " + QUOTE_COLUMNS + " FROM quotes WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(quote(r)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Confirms an open quote; false when it was confirmed already (by another request or replica:
     * only one confirmation is ever written).
     */
    public boolean confirm(String id, Instant at, String rulesetVersion) throws StoreUnavailableException {
        return transaction(c -> {
            try (PreparedStatement s = prepare(
                    c,
                    "UPDATE quotes SET confirmed_at = ?, confirmed_ruleset_version = ?"
                            + " WHERE id = ? AND confirmed_at IS NULL")) {
                setTime(s, 1, at);
                s.setString(2, rulesetVersion);
                s.setString(3, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<ArchivedRuleset> ruleset(String version) throws StoreUnavailableException {
        return transaction(c -> {
            String hash;
            Instant archivedAt;
            try (PreparedStatement s = prepare(c, "SELECT content_hash, archived_at FROM rulesets WHERE version = ?")) {
                s.setString(1, version);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    hash = r.getString(1);
                    archivedAt = instant(r, 2);
                }
            }
            Map<String, byte[]> files = new TreeMap<>();
            try (PreparedStatement s = prepare(c, "SELECT path, content FROM ruleset_files WHERE version = ?")) {
                s.setString(1, version);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        files.put(r.getString(1), r.getBytes(2));
                    }
                }
            }
            return Optional.of(new ArchivedRuleset(version, hash, archivedAt, files));
        });
    }

    /** Deletes at most {@code batch} of the quotes created before {@code cutoff}; returns how many. */
    public int deleteQuotesCreatedBefore(Instant cutoff, int batch) throws StoreUnavailableException {
        return transaction(c -> {
            try (PreparedStatement s = prepare(
                    c,
                    "DELETE FROM quotes WHERE id IN"
                            + " (SELECT id FROM quotes WHERE created_at < ? ORDER BY created_at LIMIT ?)")) {
                setTime(s, 1, cutoff);
                s.setInt(2, batch);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Deletes the archived rulesets no quote refers to, among those archived before {@code before}
     * (a ruleset just archived is being referred to by the quote in the same transaction).
     */
    public int deleteUnusedRulesets(Instant before) throws StoreUnavailableException {
        return transaction(c -> {
            try (PreparedStatement s = prepare(
                    c,
                    "DELETE FROM rulesets WHERE archived_at < ? AND NOT EXISTS"
                            + " (SELECT 1 FROM quotes WHERE quotes.ruleset_version = rulesets.version)")) {
                setTime(s, 1, before);
                int deleted = s.executeUpdate();
                if (deleted > 0) {
                    archivedVersions.clear();
                }
                return deleted;
            }
        });
    }

    private static Quote quote(ResultSet r) throws SQLException {
        return new Quote(
                r.getString(1),
                r.getString(2),
                instant(r, 3),
                instant(r, 4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                Gzip.text(r.getBytes(8)),
                Gzip.text(r.getBytes(9)),
                instant(r, 10),
                r.getString(11));
    }

    private static void setTime(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
