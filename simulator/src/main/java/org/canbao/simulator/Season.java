package org.canbao.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Drives a generated county's season through a running suite, in business order: the policy and campaign, the roster,
 * the exclusions, then month by month the four departments' snapshots and the month's payments (over REST from several
 * clients at once and on {@code tax.payment-confirmations}), then the {@link Corrections} (reversals, payments again)
 * and the {@link SteadyPhase}. It times every stage, notes what each answer accepted for the lag probe, and waits until
 * every figure is exactly what it sent.
 */
public final class Season {
    /**
     * @param lag          from payment accepted to counted, every payment of the season's months, sent as fast as the clients can
     * @param lagAlone     the same for single payments sent one at a time after the season (milliseconds, in order)
     * @param steady       the payments held back from the last month and sent after the corrections at a steady rate
     */
    public record Result(String region, int year, int residents, List<Stage> stages, double seasonSeconds, LagProbe.Lag lag,
                         List<Double> lagAlone, Steady steady, List<String> differences, List<String> checked) {
        public boolean exact() {
            return differences.isEmpty();
        }
    }

    /**
     * The steady phase: {@code offeredRps} payments a second asked for (a batch every 50 ms), {@code acceptedRps} what the
     * REST answers took, and the lag of those payments from accepted to counted, the pipeline at rest before it.
     */
    public record Steady(int offeredRps, int payments, double acceptedRps, LagProbe.Lag lag) {
    }

    private static final int ROSTER_BATCH = 4000;
    private static final int PAYMENT_BATCH = 2000;
    private static final String TOPIC = "tax.payment-confirmations";

    private final County county;
    private final Endpoints endpoints;
    private final int clients;
    private final PrintStream out;
    private final Api enrollment;
    private final Api payments;
    private final Api subsidy;
    private final Api reporting;
    private final String region;
    private final int year;
    private final Tally tally = new Tally();
    private final SeasonContext context;
    private final SteadyPhase steady;

    public Season(County county, Endpoints endpoints, int clients, PrintStream out) {
        this.county = county;
        this.endpoints = endpoints;
        this.clients = clients;
        this.out = out;
        this.enrollment = new Api(endpoints.enrollment());
        this.payments = new Api(endpoints.payments());
        this.subsidy = new Api(endpoints.subsidy());
        this.reporting = new Api(endpoints.reporting());
        this.region = county.files().region() + "-" + county.run();
        this.year = county.files().year();
        this.context = new SeasonContext(county, out, tally, payments, reporting, progressPath());
        this.steady = new SteadyPhase(context);
    }

    /**
     * Holds back up to {@code rate × seconds} of the last month's REST payments (at most half of them) and sends them
     * after the corrections at {@code rate} a second, with the pipeline at rest before: the lag at a steady load.
     */
    public Season steady(int rate, int seconds) {
        steady.settings(rate, seconds);
        return this;
    }

    public String region() {
        return region;
    }

    /** Compares every figure again (after a rebuild, say) until they match or {@code timeout} has passed. */
    public List<String> check(Duration timeout) throws InterruptedException {
        return new FigureCheck(county, region, payments, subsidy, reporting).await(timeout);
    }

    public String progressPath() {
        return "/api/v1/regions/" + region + "/campaigns/" + year + "/progress";
    }

    public Result run(Duration settle) throws Exception {
        out.printf("season: %s %d as region %s, %,d residents in %d units, %d snapshots a department, %d clients%n",
                county.files().region(), year, region, county.residents().size(), county.units().size(), county.feeds().size(), clients);
        long start = System.nanoTime();
        steady.hold();
        putDocuments();
        long[] streamBase = streamOutcomes();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        LagProbe probe = new LagProbe(reporting, progressPath()).start();
        context.probe(probe);
        try (KafkaProducer<String, String> producer = producer()) {
            roster(pool);
            exclusions();
            long paymentsFrom = 0;
            for (int p = 0; p < county.feeds().size(); p++) {
                snapshots(pool, p);
                if (p == 0) {
                    paymentsFrom = System.nanoTime();
                }
                payments(pool, producer, p, streamBase);
            }
            long before = county.residents().stream().filter(Resident::enrolledBeforeCorrections).count() - steady.heldBack();
            context.awaitCount(before, settle);
            long enrolling = county.residents().stream().filter(r -> r.payment() != null && r.enrolledBeforeCorrections()).count()
                    - steady.heldBack();
            context.stage("payments counted in progress", "persons", enrolling, paymentsFrom);
            List<Double> trickle = new Corrections(context).send(pool, steady.heldBack());
            steady.send(pool, settle);
            List<String> differences = new FigureCheck(county, region, payments, subsidy, reporting).await(settle);
            double seasonSeconds = (System.nanoTime() - start) / 1e9;
            differences = new ArrayList<>(differences);
            differences.addAll(tally.differences());
            List<String> checked = new ArrayList<>(FigureCheck.WHAT);
            checked.add(tally.summary());
            Steady steadyResult = steady.result();
            return new Result(region, year, county.residents().size(), context.stages(), seasonSeconds, probe.lag(),
                    List.copyOf(trickle), steadyResult, differences, checked);
        } finally {
            pool.shutdownNow();
            probe.close();
        }
    }

    private void putDocuments() {
        subsidy.put("admin", "/api/v1/regions/" + region + "/policies/" + year, "application/json",
                county.files().policy().toString()).ok();
        ObjectNode campaign = county.files().campaign().deepCopy();
        campaign.put("units", county.unitsCsv());
        reporting.put("admin", "/api/v1/regions/" + region + "/campaigns/" + year, "application/json", campaign.toString()).ok();
    }

    private void roster(ExecutorService pool) throws Exception {
        long start = System.nanoTime();
        List<Resident> all = county.residents();
        List<Future<?>> sent = new ArrayList<>();
        for (int from = 0, batch = 0; from < all.size(); from += ROSTER_BATCH, batch++) {
            List<String> lines = new ArrayList<>();
            all.subList(from, Math.min(all.size(), from + ROSTER_BATCH)).forEach(r -> lines.add(Lines.roster(r)));
            int bad = Math.max(1, lines.size() / 500);
            for (int i = 0; i < bad; i++) {
                lines.add(i * 97 % lines.size(), "{\"idNumber\":\"" + Lines.badNumber(county.neighbour(from + i)) + "\",\"name\":\"错号\","
                        + "\"householdId\":\"X\",\"township\":\"" + all.get(from).unit().township() + "\"}");
            }
            int again = from == 0 ? 0 : Math.max(1, ROSTER_BATCH / 200);
            for (int i = 0; i < again; i++) {
                lines.add(Lines.roster(all.get(from - 1 - i * 7 % ROSTER_BATCH)));
            }
            tally.expect("roster", lines.size() - bad - again, again, bad);
            sent.add(pool.submit(() -> tally.answered("roster",
                    enrollment.post("public-security", "/api/v1/residents", Lines.NDJSON, String.join("\n", lines)).ok())));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        context.stage("roster over REST", "persons", all.size(), start);
    }

    private void exclusions() {
        long start = System.nanoTime();
        StringBuilder csv = new StringBuilder("idNumber,policyYear,reason\n");
        long n = 0;
        for (Resident r : county.residents()) {
            if (r.excluded()) {
                csv.append(Lines.exclusionCsv(r, year)).append('\n');
                n++;
            }
        }
        csv.append(Lines.badNumber(county.neighbour(1))).append(',').append(year).append(",EMPLOYEE_INSURED\n");
        tally.expect("exclusions", n, 0, 1);
        tally.answered("exclusions", enrollment.post("medical-insurance", "/api/v1/exclusions", "text/csv", csv.toString()).ok());
        context.stage("exclusions (CSV)", "lines", n + 1, start);
    }

    /**
     * Each department's whole list as of the month's end; rural revitalization sends CSV, the others NDJSON. A snapshot
     * replaces the department's list in the whole deployment, so the first one also removes whoever it listed before
     * (the demo's persons, an earlier run's): that many more removals are expected, as enrollment's feed health counts them.
     */
    private void snapshots(ExecutorService pool, int p) throws Exception {
        long start = System.nanoTime();
        LocalDate asOf = county.feeds().get(p);
        Map<String, Long> membersBefore = new java.util.HashMap<>();
        if (p == 0) {
            enrollment.get("supervisor", "/api/v1/feeds").ok().json()
                    .forEach(feed -> membersBefore.put(feed.path("department").asText(), feed.path("members").asLong()));
        }
        List<Future<?>> sent = new ArrayList<>();
        long lines = 0;
        for (String department : List.of("civil-affairs", "rural-revitalization", "disabled-persons-federation", "medical-insurance")) {
            List<Resident> listed = county.residents().stream()
                    .filter(r -> r.hardship() != null && r.hardship().department().equals(department) && r.hardship().listedIn(p)).toList();
            if (listed.isEmpty()) {
                continue;
            }
            boolean csv = department.equals("rural-revitalization");
            List<String> body = new ArrayList<>();
            if (csv) {
                body.add("idNumber,name,category");
            }
            listed.forEach(r -> body.add(csv ? Lines.feedCsv(r) : Lines.feed(r)));
            int bad = p == 0 ? 1 : 0;
            if (bad == 1) {
                String id = Lines.badNumber(county.neighbour(2));
                body.add(csv ? id + ",错号,MONITORED_UNSTABLE" : "{\"idNumber\":\"" + id + "\",\"name\":\"错号\",\"category\":\"" + listed.get(0).hardship().category() + "\"}");
            }
            lines += listed.size() + bad;
            List<Resident> recognised = listed.stream().filter(r -> r.hardship().fromFeed() == p).toList();
            long dropped = membersBefore.getOrDefault(department, 0L) + county.residents().stream()
                    .filter(r -> r.hardship() != null && r.hardship().department().equals(department) && r.hardship().untilFeed() == p).count();
            tally.expect("status feeds (unchanged members as duplicates)", recognised.size(), listed.size() - recognised.size(), bad);
            tally.expect("status feeds: removed", dropped, 0, 0);
            sent.add(pool.submit(() -> {
                Api.Answer answer = enrollment.post(department, "/api/v1/status-feeds/" + department + "?mode=snapshot&asOf=" + asOf,
                        csv ? "text/csv" : Lines.NDJSON, String.join("\n", body)).ok();
                tally.answered("status feeds (unchanged members as duplicates)", answer);
                tally.answeredCount("status feeds: removed", answer.json().path("removed").asLong());
                context.admit(List.of(), recognised, LagProbe.Kind.FEED);
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        context.add("snapshots (4 departments, monthly)", "lines", lines, start);
    }

    private void payments(ExecutorService pool, KafkaProducer<String, String> producer, int p, long[] streamBase) throws Exception {
        long start = System.nanoTime();
        List<Resident> rest = new ArrayList<>();
        List<Resident> stream = new ArrayList<>();
        for (Resident r : county.residents()) {
            if (r.payment() != null && r.payment().period() == p && !steady.holds(r)) {
                (r.payment().stream() ? stream : rest).add(r);
            }
        }
        Future<Integer> streaming = pool.submit(() -> stream(producer, stream, p));
        List<Future<?>> sent = new ArrayList<>();
        int extras = 0;
        for (int from = 0; from < rest.size(); from += PAYMENT_BATCH) {
            List<Resident> batch = rest.subList(from, Math.min(rest.size(), from + PAYMENT_BATCH));
            List<String> lines = new ArrayList<>();
            batch.forEach(r -> lines.add(Lines.payment(r, year)));
            int wrongCounty = Math.max(1, batch.size() / 300);
            for (int i = 0; i < wrongCounty; i++) {
                int k = p * 1_000_000 + from + i + 10;
                lines.add(Lines.payment("W" + county.run() + "-" + k, county.neighbour(k % 900_000).value(), year,
                        county.subsidies().contribution().toPlainString(), "WECHAT", batch.get(0).payment().paidAt()));
            }
            int bad = Math.max(1, batch.size() / 500);
            for (int i = 0; i < bad; i++) {
                lines.add(i * 89 % lines.size(), Lines.payment("X" + county.run() + "-" + p + "-" + from + "-" + i,
                        Lines.badNumber(batch.get(i % batch.size()).id()), year, "350.00", "WECHAT", batch.get(0).payment().paidAt()));
            }
            extras += wrongCounty + bad;
            tally.expect("payments over REST", batch.size() + wrongCounty, 0, bad);
            sent.add(pool.submit(() -> {
                context.postPayments(String.join("\n", lines));
                context.admit(batch, List.of(), LagProbe.Kind.PAYMENT);
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        List<String> again = rest.stream().filter(r -> r.payment().sentTwice()).map(r -> Lines.payment(r, year)).toList();
        if (!again.isEmpty()) {
            tally.expect("payments over REST", 0, again.size(), 0);
            context.postPayments(String.join("\n", again));
        }
        context.add("payments over REST", "lines", rest.size() + extras + again.size(), start);
        int records = streaming.get();
        awaitStream(streamBase, Duration.ofMinutes(10));
        context.add("payments on the tax stream (until ingested)", "records", records, start);
    }

    /** Sends the month's stream payments, some twice, and a few records that cannot be read as a payment; how many records in all. */
    private int stream(KafkaProducer<String, String> producer, List<Resident> stream, int p) {
        int twice = 0;
        for (Resident r : stream) {
            String record = Lines.payment(r, year);
            producer.send(new ProducerRecord<>(TOPIC, r.payment().receiptId(), record), (meta, error) -> {
                if (error == null) {
                    context.admit(List.of(r), List.of(), LagProbe.Kind.PAYMENT);
                }
            });
            if (r.payment().sentTwice()) {
                producer.send(new ProducerRecord<>(TOPIC, r.payment().receiptId(), record));
                twice++;
            }
        }
        int bad = stream.isEmpty() ? 0 : Math.max(1, stream.size() / 1000);
        for (int i = 0; i < bad; i++) {
            Resident r = stream.get(i % stream.size());
            String receipt = "Y" + county.run() + "-" + p + "-" + i;
            producer.send(new ProducerRecord<>(TOPIC, receipt, Lines.payment(receipt, r.id().value(), year, "三百五十",
                    County.STREAM_CHANNEL, r.payment().paidAt())));
        }
        producer.flush();
        tally.expectStream(stream.size(), twice, bad);
        return stream.size() + twice + bad;
    }

    /** Waits until payment-ingest's metrics have every record sent to the stream so far as accepted, duplicate or rejected. */
    private void awaitStream(long[] base, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long[] now = streamOutcomes();
            if (tally.streamSeen(base, now)) {
                return;
            }
            Thread.sleep(100);
        }
        out.println("season: the tax stream was not all ingested within " + timeout);
    }

    private long[] streamOutcomes() {
        long[] outcomes = new long[3];
        if (endpoints.paymentsManagement() == null) {
            return outcomes;
        }
        String metrics = new Api(endpoints.paymentsManagement()).get("admin", "/q/metrics").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("canbao_batch_lines_total{") && line.contains("endpoint=\"" + TOPIC + "\"")) {
                int i = line.contains("outcome=\"accepted\"") ? 0 : line.contains("outcome=\"duplicate\"") ? 1 : 2;
                outcomes[i] += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return outcomes;
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
