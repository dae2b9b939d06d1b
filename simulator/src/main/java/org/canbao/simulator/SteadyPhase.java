package org.canbao.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The steady phase, the season's last: some of the last month's REST payments, held back while the season sends the
 * rest, sent after the corrections at a steady rate, so their lag is the pipeline's at a steady load and not at a rush.
 */
final class SteadyPhase {
    private static final long TICK_NANOS = 50_000_000L;

    private final SeasonContext context;
    private final boolean[] held;
    private int rate;
    private int seconds;
    private List<Resident> persons = List.of();
    private double acceptedRps;

    SteadyPhase(SeasonContext context) {
        this.context = context;
        this.held = new boolean[context.county().residents().size()];
    }

    /** Up to {@code rate × seconds} payments at {@code rate} a second; none at a rate of 0. */
    void settings(int rate, int seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    /** Picks the payments held back: the last of the month's REST payments sent once and not reversed. */
    void hold() {
        County county = context.county();
        if (rate <= 0 || county.feeds().isEmpty()) {
            return;
        }
        int last = county.feeds().size() - 1;
        List<Resident> candidates = county.residents().stream().filter(r -> !r.excluded() && r.payment() != null
                && r.payment().period() == last && !r.payment().stream() && !r.payment().sentTwice() && !r.payment().reversed()).toList();
        int n = (int) Math.min(candidates.size() / 2, (long) rate * seconds);
        persons = candidates.subList(candidates.size() - n, candidates.size());
        persons.forEach(r -> held[r.index()] = true);
    }

    boolean holds(Resident r) {
        return held[r.index()];
    }

    /** How many payments are held back: the season's counts leave them out until this phase sends them. */
    int heldBack() {
        return persons.size();
    }

    /**
     * Once every earlier payment is counted, sends the held-back payments over REST at the steady rate: a batch of
     * rate/20 lines every 50 ms, each on the next free client, then waits until all are counted.
     */
    void send(ExecutorService pool, Duration settle) throws Exception {
        if (persons.isEmpty()) {
            return;
        }
        long enrolled = context.county().residents().stream().filter(Resident::enrolled).count();
        context.awaitCount(enrolled - persons.size(), settle);
        context.probe().steadyFrom(enrolled - persons.size());
        int perTick = Math.max(1, rate / (int) (1_000_000_000L / TICK_NANOS));
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int from = 0, tick = 0; from < persons.size(); from += perTick, tick++) {
            long wait = start + tick * TICK_NANOS - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            List<Resident> batch = persons.subList(from, Math.min(persons.size(), from + perTick));
            String body = String.join("\n", batch.stream().map(r -> Lines.payment(r, context.year())).toList());
            context.tally().expect("payments over REST", batch.size(), 0, 0);
            sent.add(pool.submit(() -> {
                context.postPayments(body);
                context.admit(batch, List.of(), LagProbe.Kind.STEADY);
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        acceptedRps = persons.size() / ((System.nanoTime() - start) / 1e9);
        context.awaitCount(enrolled, settle);
        context.stage("steady payments, sent to counted", "persons", persons.size(), start);
        context.out().printf("season: steady phase: %,d payments offered at %,d/s, accepted at %,.0f/s%n", persons.size(), rate, acceptedRps);
    }

    /** What the phase measured; null when it held nothing back. */
    Season.Steady result() {
        return persons.isEmpty() ? null : new Season.Steady(rate, persons.size(), acceptedRps, context.probe().steadyLag());
    }
}
