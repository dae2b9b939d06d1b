package org.canbao.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.canbao.contracts.EventCodec;
import org.canbao.infra.Postgres;
import org.canbao.simulator.County;
import org.canbao.simulator.Endpoints;
import org.canbao.simulator.RegionFiles;
import org.canbao.simulator.Season;
import org.canbao.simulator.Stage;
import org.canbao.simulator.Api;

/**
 * {@code ./canbao bench --season <region> [--scale F] [--clients N]} against the launcher's running suite: in one run,
 * the raw broker (produce, then consume, 200-byte records, acks=all), PostgreSQL's batched inserts, then the region's
 * season from the simulator (every stage's rate and its ratio to raw produce, the season's wall time, the lag from a
 * payment accepted to counted), a rebuild of reporting from its topics, and each process's peak RSS. It ends by
 * comparing every figure with what the simulator sent, again after the rebuild, and says whether they are exact.
 */
final class SeasonBench {
    private static final int RAW_RECORDS = 300_000;
    private static final int PG_ROWS = 200_000;

    private SeasonBench() {
    }

    /**
     * @param steadyRate    payments a second of the steady phase after the corrections (0: none)
     * @param steadySeconds how long the steady phase sends, at most (it holds back at most half the last month's REST payments)
     */
    static boolean run(Path root, String region, double scale, int clients, int steadyRate, int steadySeconds) throws Exception {
        RegionFiles files = RegionFiles.read(regionDir(root, region));
        String run = UUID.randomUUID().toString().substring(0, 6);
        County county = County.generate(files, scale, run, run.hashCode());
        System.out.printf("bench: %s %d at scale %s: %,d residents (run %s)%n", files.region(), files.year(), scale,
                county.residents().size(), run);
        try (PeakMemory memory = new PeakMemory(root.resolve(".canbao/run"))) {
            Benchmark.rawProduce("bench-warm-up", RAW_RECORDS / 10);
            String topic = "bench-raw-" + run;
            double produce = Benchmark.rawProduce(topic, RAW_RECORDS);
            double consume = Benchmark.rawConsume(topic, RAW_RECORDS);
            double inserts = pgInserts(run);
            System.out.printf("raw broker produce %,.0f rec/s, consume %,.0f rec/s (%,d records of 200 bytes, acks=all); "
                    + "PostgreSQL batched inserts %,.0f rows/s%n", produce, consume, RAW_RECORDS, inserts);

            Season season = new Season(county, Endpoints.local(), clients, System.out).steady(steadyRate, steadySeconds);
            Map<String, Double> cpuBefore = CpuTime.now(root.resolve(".canbao/run"));
            long seasonStart = System.nanoTime();
            Season.Result result = season.run(Duration.ofMinutes(15));
            Cpu cpu = new Cpu(CpuTime.between(cpuBefore, CpuTime.now(root.resolve(".canbao/run"))), (System.nanoTime() - seasonStart) / 1e9);

            System.out.println("bench: rebuilding reporting-service from its topics while it answers...");
            Api.Answer rebuilt = Api.local(ServiceSpec.REPORTING.port(), Duration.ofHours(1))
                    .post("admin", "/api/v1/admin/rebuild", "application/json", "");
            if (rebuilt.status() != 200) {
                System.out.println("bench: the rebuild failed: " + rebuilt.status() + " " + rebuilt.body());
            }
            JsonNode rebuild = rebuilt.status() == 200 ? rebuilt.json() : EventCodec.mapper().createObjectNode();
            List<String> afterRebuild = season.check(Duration.ofMinutes(5));
            Map<String, Long> peaks = memory.peakMb();

            boolean exact = result.exact() && afterRebuild.isEmpty() && rebuilt.status() == 200;
            ObjectNode json = summary(files, scale, result, produce, consume, inserts, rebuild, peaks, cpu, exact, afterRebuild);
            Path out = root.resolve(".canbao/bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("latest.json"), EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            System.out.println("bench: written to " + out.resolve("latest.json"));
            return exact;
        }
    }

    private static ObjectNode summary(RegionFiles files, double scale, Season.Result result, double produce, double consume,
                                      double inserts, JsonNode rebuild, Map<String, Long> peaks, Cpu cpu, boolean exact,
                                      List<String> afterRebuild) {
        ObjectNode json = EventCodec.mapper().createObjectNode();
        json.put("region", files.region()).put("policy_year", files.year()).put("scale", scale).put("residents", result.residents());
        json.put("raw_produce_rps", Math.round(produce)).put("raw_consume_rps", Math.round(consume)).put("pg_insert_rps", Math.round(inserts));
        System.out.println();
        System.out.printf("%-48s %12s %10s %10s%n", "stage", "rate /s", "ratio", "seconds");
        System.out.printf("%-48s %,12.0f %10.3f %10s%n", "raw broker produce (200 B, acks=all)", produce, 1.0, "");
        System.out.printf("%-48s %,12.0f %10.3f %10s%n", "raw broker consume", consume, consume / produce, "");
        System.out.printf("%-48s %,12.0f %10.3f %10s%n", "PostgreSQL batched inserts (rows)", inserts, inserts / produce, "");
        ObjectNode stages = json.putObject("stages");
        for (Stage s : result.stages()) {
            System.out.printf("%-48s %,12.0f %10.4f %10.1f  (%,d %s)%n", s.name(), s.rate(), s.rate() / produce, s.seconds(), s.items(), s.unit());
            stages.putObject(s.name()).put("items", s.items()).put("unit", s.unit()).put("seconds", round(s.seconds()))
                    .put("rps", Math.round(s.rate())).put("ratio", round4(s.rate() / produce));
        }
        double e2e = result.residents() / result.seasonSeconds();
        System.out.printf("%-48s %,12.0f %10.4f %10.1f  (%,d residents, roster to every figure exact)%n", "season end to end (persons)",
                e2e, e2e / produce, result.seasonSeconds(), result.residents());
        json.put("e2e_persons_rps", round(e2e)).put("e2e_ratio", round4(e2e / produce)).put("season_seconds", round(result.seasonSeconds()));
        System.out.printf("lag from payment accepted to counted in progress: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%,d payments; "
                + "a progress poll took %.0f ms on average)%n", result.lag().p50Ms(), result.lag().p99Ms(), result.lag().maxMs(),
                result.lag().persons(), result.lag().meanPollMs());
        json.put("lag_p50_ms", Math.round(result.lag().p50Ms())).put("lag_p99_ms", Math.round(result.lag().p99Ms()))
                .put("lag_max_ms", Math.round(result.lag().maxMs())).put("lag_payments", result.lag().persons());
        System.out.printf("live progress of the region, asked about 20 times a second during the season: p50 %.1f ms, p99 %.1f ms "
                + "(%,d answers)%n", result.lag().pollP50Ms(), result.lag().pollP99Ms(), result.lag().polls());
        json.put("progress_p50_ms", round(result.lag().pollP50Ms())).put("progress_p99_ms", round(result.lag().pollP99Ms()))
                .put("progress_queries", result.lag().polls());
        Season.Steady steady = result.steady();
        if (steady != null) {
            System.out.printf("steady phase, pipeline at rest before it: %,d payments offered at %,d/s over REST, accepted at %,.0f/s; "
                    + "lag from accepted to counted p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", steady.payments(), steady.offeredRps(),
                    steady.acceptedRps(), steady.lag().p50Ms(), steady.lag().p99Ms(), steady.lag().maxMs());
            json.put("steady_offered_rps", steady.offeredRps()).put("steady_accepted_rps", Math.round(steady.acceptedRps()))
                    .put("steady_payments", steady.payments()).put("steady_lag_p50_ms", Math.round(steady.lag().p50Ms()))
                    .put("steady_lag_p99_ms", Math.round(steady.lag().p99Ms())).put("steady_lag_max_ms", Math.round(steady.lag().maxMs()));
        }
        List<Double> alone = result.lagAlone().stream().sorted().toList();
        if (!alone.isEmpty()) {
            System.out.printf("lag of a payment sent alone after the season (%d, one at a time): median %.0f ms, max %.0f ms%n",
                    alone.size(), alone.get((alone.size() - 1) / 2), alone.get(alone.size() - 1));
            json.put("lag_alone_p50_ms", Math.round(alone.get((alone.size() - 1) / 2))).put("lag_alone_max_ms", Math.round(alone.get(alone.size() - 1)));
        }
        double rebuildRate = rebuild.path("eventsPerSecond").asDouble();
        System.out.printf("reporting rebuild (%s): %,d events in %.1f s, %,.0f events/s%n", rebuild.path("source").asText(),
                rebuild.path("events").asLong(), rebuild.path("seconds").asDouble(), rebuildRate);
        json.put("rebuild_events_rps", Math.round(rebuildRate)).put("rebuild_events", rebuild.path("events").asLong())
                .put("rebuild_source", rebuild.path("source").asText());
        System.out.println("peak RSS (MB, VmRSS sampled every 0.5 s): " + peaks
                + (peaks.containsKey("postgres") ? "" : "; PostgreSQL is the system's server, not the launcher's: not sampled"));
        ObjectNode rss = json.putObject("peak_rss_mb");
        peaks.forEach(rss::put);
        cpu.report(json);
        result.checked().forEach(c -> System.out.println("checked: " + c));
        if (exact) {
            System.out.println("EXACT: every figure (progress of every unit, ledger, flagged payments, every batch answer, the tax "
                    + "stream's outcomes) equals what the simulator sent, before and after the rebuild");
        } else {
            result.differences().forEach(d -> System.out.println("NOT EXACT: " + d));
            afterRebuild.forEach(d -> System.out.println("NOT EXACT after the rebuild: " + d));
        }
        json.put("exact", exact);
        var differences = json.putArray("differences");
        result.differences().forEach(differences::add);
        afterRebuild.forEach(d -> differences.add("after the rebuild: " + d));
        return json;
    }

    /** CPU seconds each process used from the season's first request to its last check (corrections and steady phase included). */
    private record Cpu(Map<String, Double> seconds, double wallSeconds) {
        void report(ObjectNode json) {
            int cores = Runtime.getRuntime().availableProcessors();
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
            StringBuilder each = new StringBuilder();
            seconds.forEach((name, s) -> each.append(each.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append(String.format("%.1f", s)));
            System.out.printf("CPU seconds during the season's %.1f s (%d cores, %.0f core-seconds): %s; in all %.1f (%.0f %% of the cores)%n",
                    wallSeconds, cores, wallSeconds * cores, each, total, 100 * total / (wallSeconds * cores));
            ObjectNode node = json.putObject("cpu_seconds");
            seconds.forEach((name, s) -> node.put(name, Math.round(s * 10) / 10.0));
            json.put("cpu_wall_seconds", round(wallSeconds)).put("cpu_share_of_cores", round4(total / (wallSeconds * cores)));
        }
    }

    /** Rows of 200 bytes into a fresh table in batches of 1,000 (reWriteBatchedInserts), then the table is dropped. */
    private static double pgInserts(String run) throws Exception {
        Postgres postgres = Postgres.atOrStart(5432, null);
        String table = "bench_insert_" + run.replace('-', '_');
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("canbao") + (postgres.jdbcUrl("canbao").contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", postgres.user(), postgres.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("create table public." + table + " (id bigint primary key, payload text not null)");
            }
            c.setAutoCommit(false);
            String payload = "x".repeat(200);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("insert into public." + table + " (id, payload) values (?, ?)")) {
                for (int i = 0; i < PG_ROWS; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, payload);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            double rate = PG_ROWS / ((System.nanoTime() - start) / 1e9);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("drop table public." + table);
            }
            return rate;
        }
    }

    private static Path regionDir(Path root, String region) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("deploy/regions"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(region + "-") && Files.isDirectory(d)).sorted()
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException("no region folder deploy/regions/" + region + "-<year>"));
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
