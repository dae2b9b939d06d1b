package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.canbao.contracts.EventCodec;
import org.canbao.infra.KafkaBroker;
import org.canbao.infra.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every region folder (deploy/regions) through {@code ./canbao load}'s loader: subsidy-service and reporting-service,
 * as built, accept each policy and campaign. A broker, database and suite of its own: enrollment learns the units
 * of every campaign on the bus, so Aikou's and Xiyan's villages would make the walking skeleton's roster villages
 * unknown.
 */
class RegionsIT {
    private static Suite suite;
    private static String database;
    private static KafkaBroker broker;
    private static Path brokerDir;

    @BeforeAll
    static void startSuite() throws Exception {
        brokerDir = Files.createTempDirectory("canbao-regions-kafka");
        broker = KafkaBroker.start(brokerDir, 0, 0);
        database = TestInfra.freshDatabase("regions");
        DatabaseRoles.prepare(TestInfra.postgres().jdbcUrl(database));
        Path logs = Path.of("target", "regions-logs");
        Files.createDirectories(logs);
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : List.of(ServiceSpec.SUBSIDY, ServiceSpec.REPORTING)) {
            try (var socket = new java.net.ServerSocket(0)) {
                ports.put(service, socket.getLocalPort());
            }
        }
        suite = Suite.start(Path.of("").toAbsolutePath().getParent(), ports, Map.of(
                        "CANBAO_DB_URL", TestInfra.postgres().jdbcUrl(database),
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "CANBAO_PSEUDONYM_KEY", "regions-test-pseudonym-key"),
                logs, Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
        if (broker != null) {
            broker.stop();
        }
        TestInfra.postgres().dropDatabase(database);
    }

    /** Each folder under a year of its own (3001, 3002, ...): Pingjiang and Aikou are both 2023. */
    @Test
    void everyRegionFolderIsAccepted() throws Exception {
        List<Path> regions = RegionFilesTest.regions();
        assertEquals(5, regions.size());
        for (int i = 0; i < regions.size(); i++) {
            RegionLoader.Region region = RegionLoader.read(regions.get(i));
            int year = 3001 + i;
            RegionLoader.Loaded loaded = RegionLoader.load(region, year, suite.http(ServiceSpec.SUBSIDY),
                    suite.http(ServiceSpec.REPORTING), System.out);
            assertEquals(200, loaded.policy().status(), region.name() + ": " + loaded.policy().body());
            assertEquals(200, loaded.campaign().status(), region.name() + ": " + loaded.campaign().body());
            assertTrue(loaded.ok());
            long rows = EventCodec.mapper().readTree(region.campaign()).path("units").asText().strip().lines().count() - 1;
            assertEquals(rows, loaded.campaign().json().path("units").asLong(), region.name() + ": every row is a unit");
            if (region.name().equals("aikou-2023")) {
                assertEquals(11, loaded.campaign().json().path("units").asInt());
                assertTrue(loaded.campaign().json().path("warnings").toString().contains("坝芒村"), "the table's own slip is reported");
            }
            Http.Answer policy = suite.http(ServiceSpec.SUBSIDY).get("supervisor", "/api/v1/policies/" + year);
            assertEquals(200, policy.status(), policy.body());
            assertFalse(policy.json().path("contributions").isEmpty(), region.name());
        }
    }
}
