package com.addonconfigurator.rules;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Holds every evaluation to a time limit ({@code RULES_TIME_LIMIT_MS}). The firing limit stops a
 * rule that fires for ever; a loop inside one firing (a consequence, a DRL function, a condition)
 * never fires again, so only time can tell. A thread past the limit whose innermost code of the
 * service's own is the rules' (generated from the DRL) is stopped there: it gets a {@link
 * ThreadDeath} at its next safepoint, which {@link RuleEngine} turns into {@code RULES_FAILED} for
 * that request, throwing away the session. A thread that cannot be stopped (it is elsewhere, or the
 * Java runtime no longer stops threads) is counted as stuck until it finishes, so that health
 * checks can report the process unhealthy and the orchestrator restart it.
 */
public final class RulesWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatchdog.class);
    /** No time limit: nothing is watched and nothing runs. */
    public static final RulesWatchdog NONE = new RulesWatchdog(Duration.ZERO);

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int STOPPING = 2;
    private static final int STUCK = 3;

    private final long limitNanos;
    private final long tickMillis;
    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Slot> slotOfThread = ThreadLocal.withInitial(this::newSlot);
    private final AtomicInteger stuck = new AtomicInteger();
    private final AtomicLong stopped = new AtomicLong();
    private volatile Thread watcher;
    private volatile boolean closed;

    public RulesWatchdog(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.tickMillis = Math.max(5, Math.min(100, limit.toMillis() / 10));
    }

    /** How long an evaluation may run; zero: for ever. */
    public Duration limit() {
        return Duration.ofNanos(limitNanos);
    }

    /** Evaluations stopped at the limit since the start. */
    public long stopped() {
        return stopped.get();
    }

    /** Evaluations past the limit whose threads could not be stopped and have not come back. */
    public int stuck() {
        return stuck.get();
    }

    /** One evaluation on this thread, watched from now until {@link Slot#end()}. */
    Slot begin(Ruleset ruleset) {
        if (limitNanos <= 0) {
            return null;
        }
        Slot slot = slotOfThread.get();
        slot.ruleset = ruleset;
        slot.requestId = MDC.get("requestId");
        slot.location = null;
        slot.stopSent = false;
        slot.started = System.nanoTime();
        slot.state.set(RUNNING);
        if (watcher == null) {
            startWatching(); // once: no lock on the way of every later evaluation
        }
        return slot;
    }

    private Slot newSlot() {
        Slot slot = new Slot(Thread.currentThread());
        slots.add(slot);
        return slot;
    }

    private synchronized void startWatching() {
        if (watcher == null && !closed) {
            Thread t = new Thread(this::watch, "rules-watchdog");
            t.setDaemon(true);
            t.start();
            watcher = t;
        }
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Slot slot : slots) {
                Thread thread = slot.thread.get();
                if (thread == null || !thread.isAlive()) {
                    slots.remove(slot);
                } else if (now - slot.started > limitNanos) {
                    overdue(slot, thread, now);
                }
            }
        }
    }

    private void overdue(Slot slot, Thread thread, long now) {
        int state = slot.state.get();
        if (state != RUNNING && state != STUCK) {
            return;
        }
        Ruleset ruleset = slot.ruleset;
        StackTraceElement[] stack = thread.getStackTrace();
        String where = ruleset == null ? null : ruleset.generatedCode().locate(stack);
        long ms = (now - slot.started) / 1_000_000;
        if (where != null && slot.state.compareAndSet(state, STOPPING)) {
            if (state == STUCK) {
                stuck.decrementAndGet();
            }
            slot.location = where;
            slot.stopSent = true;
            if (stop(thread)) {
                stopped.incrementAndGet();
                LOG.warn("request {}: the rules ran {} ms, past the limit, in {}: stopped", slot.requestId, ms, where);
                return;
            }
            slot.stopSent = false;
            slot.state.set(STUCK);
            stuck.incrementAndGet();
            LOG.error(
                    "request {}: the rules ran {} ms, past the limit, in {}; this Java runtime cannot stop"
                            + " the thread: it stays stuck",
                    slot.requestId,
                    ms,
                    where);
        } else if (state == RUNNING && slot.state.compareAndSet(RUNNING, STUCK)) {
            slot.location = where == null ? outermost(stack) : where;
            stuck.incrementAndGet();
            LOG.error(
                    "request {}: the rules ran {} ms, past the limit, outside the rules' own code ({}):"
                            + " not stopped, counted as stuck",
                    slot.requestId,
                    ms,
                    slot.location);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread thread) {
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static String outermost(StackTraceElement[] stack) {
        return stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName();
    }

    @Override
    public void close() {
        closed = true;
        Thread t = watcher;
        if (t != null) {
            t.interrupt();
        }
    }

    /** One thread's evaluation, as the watchdog sees it. */
    final class Slot {
        private final WeakReference<Thread> thread;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile long started;
        private volatile Ruleset ruleset;
        private volatile String requestId;
        private volatile String location;
        private volatile boolean stopSent;

        private Slot(Thread thread) {
            this.thread = new WeakReference<>(thread);
        }

        /**
         * The evaluation is over. When the watchdog has begun to stop this thread and its {@link
         * ThreadDeath} has not arrived yet, waits here for it, where it can do no harm.
         */
        void end() {
            ruleset = null;
            if (state.compareAndSet(RUNNING, IDLE)) {
                return;
            }
            while (state.get() == STOPPING) {
                Thread.onSpinWait();
            }
            if (state.compareAndSet(STUCK, IDLE)) {
                stuck.decrementAndGet();
            }
        }

        /** This thread has received the watchdog's {@link ThreadDeath}: nothing more is on its way. */
        void received() {
            ruleset = null;
            state.compareAndSet(STOPPING, IDLE);
        }

        /** Whether the watchdog stopped this evaluation (then {@link #location()} says where). */
        boolean wasStopped() {
            return stopSent;
        }

        String location() {
            return location;
        }
    }
}
