package org.canbao.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each endpoint should have answered (accepted, duplicates, rejected lines) and what it did, summed over the
 * season's batches; the tax stream's outcomes as payment-ingest's metrics count them; the reversals.
 */
final class Tally {
    private static final String STREAM = "tax stream (metrics)";
    private final Map<String, long[]> expected = new TreeMap<>();
    private final Map<String, long[]> answered = new TreeMap<>();
    private long[] streamSeen = new long[3];
    private long reversalsExpected;
    private long reversalsDone;

    synchronized void expect(String endpoint, long accepted, long duplicates, long rejected) {
        long[] e = expected.computeIfAbsent(endpoint, k -> new long[3]);
        e[0] += accepted;
        e[1] += duplicates;
        e[2] += rejected;
    }

    synchronized void answered(String endpoint, Api.Answer answer) {
        JsonNode json = answer.json();
        long[] a = answered.computeIfAbsent(endpoint, k -> new long[3]);
        a[0] += json.path("accepted").asLong();
        a[1] += json.path("duplicates").asLong();
        a[2] += json.path("rejected").size();
    }

    synchronized void answeredCount(String what, long n) {
        answered.computeIfAbsent(what, k -> new long[3])[0] += n;
    }

    void expectStream(long accepted, long duplicates, long rejected) {
        expect(STREAM, accepted, duplicates, rejected);
    }

    /** Whether the stream's metrics, counted from {@code base}, have seen every record sent so far; keeps the count. */
    synchronized boolean streamSeen(long[] base, long[] now) {
        long[] e = expected.getOrDefault(STREAM, new long[3]);
        streamSeen = new long[] {now[0] - base[0], now[1] - base[1], now[2] - base[2]};
        answered.put(STREAM, streamSeen);
        return streamSeen[0] + streamSeen[1] + streamSeen[2] >= e[0] + e[1] + e[2];
    }

    synchronized void reversal(boolean done) {
        if (done) {
            reversalsDone++;
        }
    }

    synchronized void expectReversals(long n) {
        reversalsExpected += n;
    }

    synchronized List<String> differences() {
        List<String> differences = new ArrayList<>();
        expected.forEach((endpoint, e) -> {
            long[] a = answered.getOrDefault(endpoint, new long[3]);
            if (e[0] != a[0] || e[1] != a[1] || e[2] != a[2]) {
                differences.add(String.format("%s: accepted/duplicates/rejected %d/%d/%d, sent to be %d/%d/%d",
                        endpoint, a[0], a[1], a[2], e[0], e[1], e[2]));
            }
        });
        if (reversalsDone != reversalsExpected) {
            differences.add("reversals: " + reversalsDone + " done, " + reversalsExpected + " sent");
        }
        return differences;
    }

    synchronized String summary() {
        StringBuilder text = new StringBuilder("answers (accepted/duplicates/rejected): ");
        expected.forEach((endpoint, e) -> text.append(endpoint).append(' ').append(e[0]).append('/').append(e[1]).append('/')
                .append(e[2]).append("; "));
        return text.append("reversals ").append(reversalsExpected).toString();
    }
}
