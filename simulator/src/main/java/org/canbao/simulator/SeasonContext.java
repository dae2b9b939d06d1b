package org.canbao.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a season and its end-of-season phases ({@link Corrections}, {@link SteadyPhase}) share: the county, the tax
 * bureau's client and the tally of answers, the stages timed so far, the region's progress as counted, and the lag
 * probe with what each answered operation made enrolled, so every phase counts into the same figures.
 */
final class SeasonContext {
    private final County county;
    private final int year;
    private final PrintStream out;
    private final Tally tally;
    private final Api payments;
    private final Api reporting;
    private final String progressPath;
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final boolean[] paid;
    private final boolean[] granted;
    private final boolean[] counted;
    private LagProbe probe;

    SeasonContext(County county, PrintStream out, Tally tally, Api payments, Api reporting, String progressPath) {
        this.county = county;
        this.year = county.files().year();
        this.out = out;
        this.tally = tally;
        this.payments = payments;
        this.reporting = reporting;
        this.progressPath = progressPath;
        int n = county.residents().size();
        this.paid = new boolean[n];
        this.granted = new boolean[n];
        this.counted = new boolean[n];
    }

    County county() {
        return county;
    }

    int year() {
        return year;
    }

    PrintStream out() {
        return out;
    }

    Tally tally() {
        return tally;
    }

    Api payments() {
        return payments;
    }

    /** The run's probe, started before anything is sent: {@link #admit} and {@link #awaitCount} use it. */
    void probe(LagProbe probe) {
        this.probe = probe;
    }

    LagProbe probe() {
        return probe;
    }

    List<Stage> stages() {
        return List.copyOf(stages.values());
    }

    /** Sends payment lines over REST as the tax bureau and tallies the answer. */
    void postPayments(String lines) {
        tally.answered("payments over REST", payments.post("tax", "/api/v1/payments", Lines.NDJSON, lines).ok());
    }

    /** Asks progress until it counts {@code expected}; when it first did (nanos), at most one poll late. */
    long countReaching(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = reporting.get("supervisor", progressPath);
            if (answer.status() == 200 && answer.json().path("total").path("enrolled").asLong() >= expected) {
                return System.nanoTime();
            }
        }
        return System.nanoTime();
    }

    /** Waits until the probe has seen progress count {@code expected}, or says it did not. */
    void awaitCount(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (probe.latest() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (probe.latest() < expected) {
            out.printf("season: progress counts %,d of %,d enrolled after %s%n", probe.latest(), expected, timeout);
        }
    }

    /** Notes what an answered operation made true, and how many persons it made enrolled, for the lag probe. */
    void admit(List<Resident> paidNow, List<Resident> grantedNow, LagProbe.Kind paymentKind) {
        int payments = 0;
        int feeds = 0;
        synchronized (counted) {
            for (Resident r : paidNow) {
                paid[r.index()] = true;
                payments += newlyCounted(r);
            }
            for (Resident r : grantedNow) {
                granted[r.index()] = true;
                feeds += newlyCounted(r);
            }
        }
        if (payments > 0) {
            probe.accepted(payments, paymentKind);
        }
        if (feeds > 0) {
            probe.accepted(feeds, LagProbe.Kind.FEED);
        }
    }

    private int newlyCounted(Resident r) {
        boolean subsidised = r.due().compareTo(county.subsidies().contribution()) < 0;
        boolean now = r.enrolledBeforeCorrections() && (!subsidised || granted[r.index()]) && (r.due().signum() == 0 || paid[r.index()]);
        if (now && !counted[r.index()]) {
            counted[r.index()] = true;
            return 1;
        }
        return 0;
    }

    void stage(String name, String unit, long items, long startNanos) {
        stages.put(name, new Stage(name, unit, items, (System.nanoTime() - startNanos) / 1e9));
        Stage s = stages.get(name);
        out.printf("season: %-45s %,9d %s in %6.1f s  %,9.0f/s%n", name, items, unit, s.seconds(), s.rate());
    }

    void add(String name, String unit, long items, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        stages.merge(name, new Stage(name, unit, items, seconds), (a, b) -> a.plus(b.items(), b.seconds()));
    }
}
