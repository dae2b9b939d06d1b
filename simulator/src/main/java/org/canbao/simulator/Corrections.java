package org.canbao.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The corrections at the season's end: reversals, then half of those persons pay again under a new receipt, the first
 * {@value #TRICKLE} of them one at a time.
 */
final class Corrections {
    /** Payments again sent one at a time, each waited for until counted: the lag at low load. */
    private static final int TRICKLE = 10;

    private final SeasonContext context;

    Corrections(SeasonContext context) {
        this.context = context;
    }

    /**
     * Sends the corrections while {@code heldBack} payments of the season are not sent yet; the lag from accepted to
     * counted of each payment sent alone (milliseconds, in order).
     */
    List<Double> send(ExecutorService pool, int heldBack) throws Exception {
        County county = context.county();
        Tally tally = context.tally();
        long start = System.nanoTime();
        String at = county.subsidies().closes() + "T23:30:00+08:00";
        List<Future<?>> sent = new ArrayList<>();
        List<Resident> reversed = county.residents().stream().filter(r -> r.payment() != null && r.payment().reversed()).toList();
        for (Resident r : reversed) {
            sent.add(pool.submit(() -> {
                Api.Answer answer = context.payments().post("tax", "/api/v1/payments/" + r.payment().receiptId() + "/reversal",
                        "application/json", "{\"reason\":\"退费\",\"reversedAt\":\"" + at + "\"}").ok();
                tally.reversal(answer.json().path("reversed").asBoolean() && !answer.json().path("duplicate").asBoolean());
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        List<String> again = new ArrayList<>(reversed.stream().filter(r -> r.payment().repaid()).map(r -> Lines.payment(r.payment().receiptId() + "-R",
                r.id().value(), context.year(), r.due().toPlainString(), "TAX_HALL", county.subsidies().closes() + "T23:45:00+08:00")).toList());
        long afterReversals = county.residents().stream().filter(Resident::enrolledBeforeCorrections).count() - reversed.size() - heldBack;
        context.awaitCount(afterReversals, Duration.ofMinutes(5));
        List<Double> trickle = new ArrayList<>();
        for (int i = 0; i < TRICKLE && !again.isEmpty(); i++) {
            String line = again.remove(0);
            tally.expect("payments over REST", 1, 0, 0);
            long sentAt = System.nanoTime();
            context.postPayments(line);
            long accepted = System.nanoTime();
            long counted = context.countReaching(afterReversals + i + 1, Duration.ofSeconds(30));
            trickle.add((counted - accepted) / 1e6);
            context.out().printf("season: one payment alone: answered in %.0f ms, counted in progress %.0f ms later%n",
                    (accepted - sentAt) / 1e6, (counted - accepted) / 1e6);
        }
        if (!again.isEmpty()) {
            tally.expect("payments over REST", again.size(), 0, 0);
            context.postPayments(String.join("\n", again));
        }
        tally.expectReversals(reversed.size());
        context.stage("reversals and payments again", "calls", reversed.size() + trickle.size() + (again.isEmpty() ? 0 : 1), start);
        return trickle;
    }
}
