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
 * A person's lag is at most one poll late (the poll's answer time is when the count is taken to be seen). It asks about
 * 20 times a second, as a county's supervisors watching the season would (issue 8), and waits at least as long as the
 * last answer took, so a slow answer does not pile up asks; every answer's time is kept (progress p50, p99).
 */
public final class LagProbe implements AutoCloseable {
    /** What made persons enrolled: a snapshot, a payment of the season, a payment of the steady phase after it. */
    public enum Kind { FEED, PAYMENT, STEADY }

    /** An accepted operation: when, how many persons it made enrolled, and what it was (snapshots count too). */
    public record Op(long acceptedNanos, int enrolled, Kind kind) {
    }

    public record Lag(long persons, double p50Ms, double p99Ms, double maxMs, double meanPollMs, long polls,
                      double pollP50Ms, double pollP99Ms) {
    }

    private static final long POLL_EVERY_MS = 50;

    private final Api reporting;
    private final String progressPath;
    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();
    private final List<long[]> seen = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long latest = -1;
    private long base = -1;
    private volatile long steadyBase = -1;
    private final List<Double> pollMs = new ArrayList<>();

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
                pollMs.add((answered - asked) / 1e6);
                if (count >= 0 && (seen.isEmpty() || count > seen.get(seen.size() - 1)[1])) {
                    seen.add(new long[] {answered, count});
                }
            }
            if (count >= 0) {
                latest = count;
            }
            try {
                Thread.sleep(Math.max(POLL_EVERY_MS - (answered - asked) / 1_000_000, (answered - asked) / 1_000_000));
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

    public void accepted(int enrolled, Kind kind) {
        ops.add(new Op(System.nanoTime(), enrolled, kind));
    }

    /** The steady phase starts at rest with this many counted: its k-th person is counted when the count reaches base + k. */
    public void steadyFrom(long counted) {
        steadyBase = counted;
    }

    /** The county's enrolled count as last seen. */
    public long latest() {
        return latest;
    }

    /** The season's payments (its snapshots' persons are counted in the order too). */
    public Lag lag() {
        return lag(base, Kind.PAYMENT);
    }

    /** The payments of the steady phase, counted from {@link #steadyFrom}. */
    public Lag steadyLag() {
        return lag(steadyBase, Kind.STEADY);
    }

    private Lag lag(long from, Kind measured) {
        List<Op> byTime = new ArrayList<>(ops.stream().filter(op -> (op.kind() == Kind.STEADY) == (measured == Kind.STEADY)).toList());
        byTime.sort(Comparator.comparingLong(Op::acceptedNanos));
        long[][] points;
        synchronized (seen) {
            points = seen.toArray(new long[0][]);
        }
        List<Double> lags = new ArrayList<>();
        long k = from;
        for (Op op : byTime) {
            for (int j = 0; j < op.enrolled(); j++) {
                k++;
                if (op.kind() != measured) {
                    continue;
                }
                long countedAt = firstReaching(points, k, op.acceptedNanos());
                if (countedAt > 0) {
                    lags.add((countedAt - op.acceptedNanos()) / 1e6);
                }
            }
        }
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] polls;
        synchronized (seen) {
            polls = pollMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        double meanPoll = polls.length == 0 ? 0 : java.util.Arrays.stream(polls).average().orElse(0);
        double pollP50 = polls.length == 0 ? 0 : percentile(polls, 0.50);
        double pollP99 = polls.length == 0 ? 0 : percentile(polls, 0.99);
        if (sorted.length == 0) {
            return new Lag(0, 0, 0, 0, meanPoll, polls.length, pollP50, pollP99);
        }
        return new Lag(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1], meanPoll,
                polls.length, pollP50, pollP99);
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
