package com.addonconfigurator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows, without the rules, how two threads that share no object can still slow each other down:
 * each thread stores references into its own 64 old objects, and every reference store marks a
 * byte of the collector's card table, one 64-byte line of which covers 32 KB of heap. With
 * {@code near}, the two threads' objects lie within the same 32 KB (each on its own cache line, so
 * only the cards are shared); with {@code apart}, 256 KB lie between them. Rounds of one thread and
 * of two alternate in one JVM; run it with the service's JVM options, and with
 * {@code -XX:+UseCondCardMark} (a card is written only when it is clean) to compare:
 * <pre>
 * mvn -B -q -Pbench test-compile
 * java -Xms96m -Xmx192m -XX:NewSize=64m -XX:+UseSerialGC -cp target/test-classes com.addonconfigurator.bench.CardTableSharing near
 * </pre>
 */
public final class CardTableSharing {
    private static final int HOLDERS = 64;
    private static final int STORES = 500;
    private static final int ROUNDS = 8;

    static final class Holder {
        Object ref;
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean near = args.length > 0 && args[0].equals("near");
        Holder[][] holders = {new Holder[HOLDERS], new Holder[HOLDERS]};
        List<Object> kept = new ArrayList<>(); // padding, kept alive so that it keeps its place
        if (near) {
            for (int i = 0; i < HOLDERS; i++) {
                holders[0][i] = new Holder();
                kept.add(new long[14]); // 128 bytes: no two holders share a cache line
                holders[1][i] = new Holder();
                kept.add(new long[14]);
            }
        } else {
            for (int i = 0; i < HOLDERS; i++) {
                holders[0][i] = new Holder();
            }
            for (int i = 0; i < 4096; i++) {
                kept.add(new long[6]); // 256 KB
            }
            for (int i = 0; i < HOLDERS; i++) {
                holders[1][i] = new Holder();
            }
        }
        System.gc(); // the holders become old; a full collection keeps their order
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger(2);
        AtomicLong[] operations = {new AtomicLong(), new AtomicLong()};
        for (int t = 0; t < 2; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                Holder[] mine = holders[thread];
                int x = 7919 * (thread + 1);
                long done = 0;
                while (!stop.get()) {
                    if (thread >= running.get()) {
                        pause();
                        continue;
                    }
                    for (int s = 0; s < STORES; s++) {
                        x = (x * 1103515245 + 12345) & 0x7fffffff;
                        // a young object now and then, else another of the thread's own (old) holders
                        mine[x % HOLDERS].ref = (s & 7) == 0 ? new long[6] : mine[(x >> 8) % HOLDERS];
                        for (int k = 0; k < 8; k++) {
                            x = (x * 1103515245 + 12345) & 0x7fffffff;
                        }
                    }
                    operations[thread].lazySet(++done);
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        Thread.sleep(5_000); // warm-up, both threads
        double[] perSecond = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            running.set(round % 2 == 0 ? 1 : 2);
            Thread.sleep(300);
            long before = operations[0].get() + operations[1].get();
            long start = System.nanoTime();
            Thread.sleep(3_000);
            perSecond[round] = (operations[0].get() + operations[1].get() - before) * 1e9 / (System.nanoTime() - start);
        }
        stop.set(true);
        StringBuilder pairs = new StringBuilder();
        for (int round = 0; round < ROUNDS; round += 2) {
            pairs.append(String.format("%.0fk / %.0fk = %.2fx  ", perSecond[round] / 1000, perSecond[round + 1] / 1000,
                    perSecond[round + 1] / perSecond[round]));
        }
        System.out.println((near ? "near" : "apart") + " (" + kept.size() + " padding objects), one thread / two: " + pairs);
    }
}
