package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.canbao.infra.TestInfra;
import org.canbao.simulator.County;
import org.canbao.simulator.Endpoints;
import org.canbao.simulator.RegionFiles;
import org.canbao.simulator.Season;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small Pingjiang season (a three-thousandth of the county) through the four services as built: the simulator's
 * roster, monthly snapshots of four departments, exclusions, payments over REST and the tax stream with duplicates,
 * bad lines, wrong-county payments and reversals, and every figure exactly what it sent.
 */
class SeasonIT {
    private static Suite suite;
    private static String database;
    private static Map<ServiceSpec, Integer> ports;

    @BeforeAll
    static void startSuite() throws Exception {
        database = TestInfra.freshDatabase("season");
        DatabaseRoles.prepare(TestInfra.postgres().jdbcUrl(database));
        ports = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            try (var socket = new java.net.ServerSocket(0)) {
                ports.put(service, socket.getLocalPort());
            }
        }
        suite = Suite.start(Path.of("").toAbsolutePath().getParent(), ports, Map.of(
                        "CANBAO_DB_URL", TestInfra.postgres().jdbcUrl(database),
                        "KAFKA_BOOTSTRAP_SERVERS", TestInfra.broker().bootstrapServers(),
                        "CANBAO_PSEUDONYM_KEY", "season-test-pseudonym-key"),
                Path.of("target", "season-logs"), Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
        TestInfra.postgres().dropDatabase(database);
    }

    @Test
    void aSmallSeasonEndsInExactlyTheFiguresItSent() throws Exception {
        RegionFiles pingjiang = RegionFiles.read(Path.of("regions", "pingjiang-2023"));
        County county = County.generate(pingjiang, 0.003, Long.toHexString(System.nanoTime() & 0xffffff), 2023);
        Endpoints endpoints = Endpoints.of(ports.get(ServiceSpec.ENROLLMENT), ports.get(ServiceSpec.PAYMENT_INGEST),
                ports.get(ServiceSpec.SUBSIDY), ports.get(ServiceSpec.REPORTING),
                ServiceProcess.managementPort(ports.get(ServiceSpec.PAYMENT_INGEST)), TestInfra.broker().bootstrapServers());

        Season.Result result = new Season(county, endpoints, 3, System.out).run(Duration.ofSeconds(90));

        result.stages().forEach(s -> System.out.printf("%-45s %,8d %s %8.1f s %,9.0f/s%n", s.name(), s.items(), s.unit(), s.seconds(), s.rate()));
        System.out.printf("season %.1f s, lag p50 %.0f ms p99 %.0f ms max %.0f ms%n", result.seasonSeconds(),
                result.lag().p50Ms(), result.lag().p99Ms(), result.lag().maxMs());
        System.out.println("lag of single payments sent alone (ms): " + result.lagAlone());
        assertEquals(List.of(), result.differences(), "every figure is what the simulator sent");
        assertTrue(result.lag().persons() > 0, "the lag was measured");
    }
}
