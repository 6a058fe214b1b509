package com.addonconfigurator.quotes;

import com.addonconfigurator.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes quotes older than the retention (QUOTE_RETENTION), a batch per transaction, then the
 * archived rulesets no quote refers to any more. Runs by itself, on a daemon thread, every {@link
 * #EVERY}; on several replicas each does it, and deleting what another deleted is no error.
 */
public final class QuoteRetention implements AutoCloseable {
    public static final Duration EVERY = Duration.ofHours(1);
    public static final int BATCH = 500;
    /** A ruleset archived this recently is kept even with no quote yet: one is being stored with it. */
    static final Duration NEWLY_ARCHIVED = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(QuoteRetention.class);

    private final QuoteStore store;
    private final Duration retention;
    private final Clock clock;
    private final int batch;
    private ScheduledExecutorService timer;

    public QuoteRetention(QuoteStore store, Duration retention, Clock clock) {
        this(store, retention, clock, BATCH);
    }

    /** @param batch how many quotes one transaction deletes */
    QuoteRetention(QuoteStore store, Duration retention, Clock clock, int batch) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.batch = batch;
    }

    /** Runs the first time after {@code firstAfter}, then every {@link #EVERY}. */
    public synchronized void start(Duration firstAfter) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quote-retention");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runQuietly, firstAfter.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            run();
        } catch (StoreUnavailableException e) {
            LOG.warn("quote retention could not run: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("quote retention failed", e);
        }
    }

    /** Deletes what is past the retention now; returns how many quotes went. */
    public int run() throws StoreUnavailableException {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteQuotesCreatedBefore(cutoff, batch);
            total += deleted;
        } while (deleted == batch);
        int rulesets = store.deleteUnusedRulesets(now.minus(NEWLY_ARCHIVED));
        if (total > 0 || rulesets > 0) {
            LOG.info(
                    "retention: deleted {} quotes created before {} and {} archived rulesets", total, cutoff, rulesets);
        }
        return total;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
