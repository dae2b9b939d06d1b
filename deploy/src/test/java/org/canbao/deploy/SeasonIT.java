package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.canbao.infra.TestInfra;
import org.canbao.simulator.County;
import org.canbao.simulator.Endpoints;
import org.canbao.simulator.RegionFiles;
import org.canbao.simulator.Season;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small Pingjiang season (a two-hundredth of the county, long enough for instances to join and leave in it) through
 * the four services as built: the simulator's roster, monthly snapshots of four departments, exclusions, payments
 * over REST and the tax stream with duplicates, bad lines, wrong-county payments and reversals, and every figure
 * exactly what it sent. Mid-season a second
 * subsidy-service and a second reporting-service join their consumer groups (scale-out on the partitions), and later
 * leave: the first cleanly, the second by kill -9.
 */
class SeasonIT {
    private static final String NAME = "season";
    private static Suite suite;
    private static String database;

    @BeforeAll
    static void startSuite() throws Exception {
        database = TestInfra.freshDatabase(NAME);
        suite = EndToEnd.start(NAME, database, TestInfra.broker().bootstrapServers());
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
        TestInfra.postgres().dropDatabase(database);
    }

    @Test
    void aSmallSeasonEndsInExactlyTheFiguresItSentWhileInstancesJoinAndLeave() throws Exception {
        RegionFiles pingjiang = RegionFiles.read(Path.of("regions", "pingjiang-2023"));
        County county = County.generate(pingjiang, 0.02, Long.toHexString(System.nanoTime() & 0xffffff), 2023);
        Endpoints endpoints = Endpoints.of(suite.port(ServiceSpec.ENROLLMENT), suite.port(ServiceSpec.PAYMENT_INGEST),
                suite.port(ServiceSpec.SUBSIDY), suite.port(ServiceSpec.REPORTING),
                ServiceProcess.managementPort(suite.port(ServiceSpec.PAYMENT_INGEST)), TestInfra.broker().bootstrapServers());
        long start = System.nanoTime();
        Second subsidy = second(ServiceSpec.SUBSIDY);
        Second reporting = second(ServiceSpec.REPORTING);
        CompletableFuture<Season.Result> season = CompletableFuture.supplyAsync(() -> {
            try {
                return new Season(county, endpoints, 3, System.out).steady(200, 2).run(Duration.ofSeconds(90));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        boolean joinedMidSeason;
        try {
            subsidy.awaitReady(start);
            reporting.awaitReady(start);
            subsidy.process().destroy();
            subsidy.process().waitFor(30, TimeUnit.SECONDS);
            System.out.printf("second subsidy-service stopped at %.1f s%n", seconds(start));
            Thread.sleep(1_000);
            reporting.process().destroyForcibly();
            reporting.process().waitFor(30, TimeUnit.SECONDS);
            System.out.printf("second reporting-service killed (kill -9) at %.1f s%n", seconds(start));
            joinedMidSeason = !season.isDone();
        } finally {
            // when one of them does not start, neither outlives the test
            subsidy.process().destroyForcibly();
            reporting.process().destroyForcibly();
        }

        Season.Result result = season.get(10, TimeUnit.MINUTES);
        result.stages().forEach(s -> System.out.printf("%-45s %,8d %s %8.1f s %,9.0f/s%n", s.name(), s.items(), s.unit(), s.seconds(), s.rate()));
        System.out.printf("season %.1f s, lag p50 %.0f ms p99 %.0f ms max %.0f ms; progress p50 %.1f ms p99 %.1f ms%n",
                result.seasonSeconds(), result.lag().p50Ms(), result.lag().p99Ms(), result.lag().maxMs(),
                result.lag().pollP50Ms(), result.lag().pollP99Ms());
        System.out.println("lag of single payments sent alone (ms): " + result.lagAlone());
        assertEquals(List.of(), result.differences(), "every figure is what the simulator sent");
        assertTrue(result.lag().persons() > 0, "the lag was measured");
        assertTrue(result.steady() != null && result.steady().payments() > 0, "some payments were held back for the steady phase");
        assertEquals(result.steady().payments(), result.steady().lag().persons(), "every steady payment's lag was measured");
        assertTrue(joinedMidSeason, "the second instances joined and left while the season ran");
    }

    /** Another instance of a service, on a port of its own, in the same consumer groups and schema. */
    private record Second(ServiceSpec service, Process process, int port, Path log) {
        void awaitReady(long start) throws Exception {
            ServiceProcess.awaitReady(process, port, Duration.ofSeconds(180), log);
            System.out.printf("second %s ready on %d at %.1f s%n", service.module(), port, seconds(start));
        }
    }

    /** Starts it now; it joins its groups once ready, while the season runs. */
    private static Second second(ServiceSpec service) throws Exception {
        int port = EndToEnd.freePort();
        Path log = Path.of("target", NAME + "-logs", service.module() + "-2.log");
        return new Second(service, ServiceProcess.start(EndToEnd.root(), service, port,
                EndToEnd.env(NAME, database, TestInfra.broker().bootstrapServers()), log), port, log);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
