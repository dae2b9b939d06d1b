package org.canbao.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lag from "payment accepted" to "counted in progress". A thread asks the region's progress again and again and notes
 * when the county's enrolled count first reached each value; every accepted operation (a REST batch answered, a stream
 * record acknowledged by the broker, a snapshot answered) is noted with how many persons it makes enrolled. Taken in
 * the order they were accepted, the k-th person made enrolled is taken to be counted when the count first reached k
 * (first in, first out: an approximation while several clients send at once), and never before it was accepted.
 * A person's lag is at most one poll late (the poll's answer time is when the count is taken to be seen). Between polls
 * it waits as long as the last poll took, at least 100 ms: progress is an aggregate over the county, and asking it back
 * to back would take a core of these two from the pipeline it measures.
 */
public final class LagProbe implements AutoCloseable {
    /** An accepted operation: when, how many persons it made enrolled, and whether it was a payment (snapshots count too). */
    public record Op(long acceptedNanos, int enrolled, boolean payment) {
    }

    public record Lag(long persons, double p50Ms, double p99Ms, double maxMs, double meanPollMs) {
    }

    private final Api reporting;
    private final String progressPath;
    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();
    private final List<long[]> seen = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long latest = -1;
    private long base = -1;
    private long polls;
    private long pollNanos;

    public LagProbe(Api reporting, String progressPath) {
        this.reporting = reporting;
        this.progressPath = progressPath;
        this.poller = new Thread(this::poll, "lag-probe");
        poller.setDaemon(true);
    }

    public LagProbe start() {
        latest = enrolled();
        base = latest;
        poller.start();
        return this;
    }

    private void poll() {
        while (running) {
            long asked = System.nanoTime();
            long count = enrolled();
            long answered = System.nanoTime();
            synchronized (seen) {
                polls++;
                pollNanos += answered - asked;
                if (count >= 0 && (seen.isEmpty() || count > seen.get(seen.size() - 1)[1])) {
                    seen.add(new long[] {answered, count});
                }
            }
            if (count >= 0) {
                latest = count;
            }
            try {
                Thread.sleep(Math.max(100, (answered - asked) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long enrolled() {
        try {
            Api.Answer answer = reporting.get("supervisor", progressPath);
            return answer.status() == 200 ? answer.json().path("total").path("enrolled").asLong() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public void accepted(int enrolled, boolean payment) {
        ops.add(new Op(System.nanoTime(), enrolled, payment));
    }

    /** The county's enrolled count as last seen. */
    public long latest() {
        return latest;
    }

    public Lag lag() {
        List<Op> byTime = new ArrayList<>(ops);
        byTime.sort(Comparator.comparingLong(Op::acceptedNanos));
        long[][] points;
        synchronized (seen) {
            points = seen.toArray(new long[0][]);
        }
        List<Double> lags = new ArrayList<>();
        long k = base;
        for (Op op : byTime) {
            for (int j = 0; j < op.enrolled(); j++) {
                k++;
                if (!op.payment()) {
                    continue;
                }
                long countedAt = firstReaching(points, k, op.acceptedNanos());
                if (countedAt > 0) {
                    lags.add((countedAt - op.acceptedNanos()) / 1e6);
                }
            }
        }
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double meanPoll = polls == 0 ? 0 : pollNanos / 1e6 / polls;
        if (sorted.length == 0) {
            return new Lag(0, 0, 0, 0, meanPoll);
        }
        return new Lag(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1], meanPoll);
    }

    /** The first observation at or after {@code after} that saw a count of at least {@code k}; 0 if none did. */
    private static long firstReaching(long[][] points, long k, long after) {
        int low = 0;
        int high = points.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (points[mid][1] < k) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < points.length; i++) {
            if (points[i][0] >= after) {
                return points[i][0];
            }
        }
        return 0;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join(5000);
    }
}
