package org.canbao.deploy;

import static org.canbao.deploy.EndToEnd.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.canbao.infra.KafkaBroker;
import org.canbao.infra.Postgres;
import org.canbao.infra.TestInfra;
import org.junit.jupiter.api.Test;

/**
 * {@code ./canbao chaos} at a small scale, on a suite of its own with a broker of its own: every service killed,
 * the broker killed, the database restarted, a second reporting instance joining and leaving, all during a load.
 * Every accepted payment must be counted exactly once.
 */
class ChaosIT {
    private static final int PERSONS = 150;

    @Test
    void everyAcceptedPaymentIsCountedOnceThroughEveryFault() throws Exception {
        // it restarts the PostgreSQL cluster on this machine, which a container is not
        assumeTrue(TestInfra.source() == TestInfra.Source.LOCAL, "chaos needs the local PostgreSQL: run it with -D"
                + TestInfra.CHOICE + "=local");
        Path kafkaDir = Files.createTempDirectory("canbao-chaos-kafka");
        int kafkaPort = freePort();
        int controllerPort = freePort();
        KafkaBroker broker = KafkaBroker.start(kafkaDir, kafkaPort, controllerPort);
        Postgres postgres = TestInfra.postgres();
        String database = TestInfra.freshDatabase("chaos");
        DatabaseRoles.prepare(TestInfra.postgres().jdbcUrl(database));
        Path root = Path.of("").toAbsolutePath().getParent();
        Path logs = Path.of("target", "chaos-logs");
        if (Files.isDirectory(logs)) {
            try (var old = Files.list(logs)) {
                for (Path log : old.toList()) {
                    Files.delete(log);
                }
            }
        }
        Map<ServiceSpec, Integer> ports = EndToEnd.freePorts();
        Map<String, String> env = Map.of("CANBAO_DB_URL", postgres.jdbcUrl(database),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "CANBAO_PSEUDONYM_KEY", "chaos-test-pseudonym-key");
        Suite suite = Suite.start(root, ports, env, logs, Duration.ofSeconds(180));
        Map<ServiceSpec, ProcessHandle> running = new EnumMap<>(ServiceSpec.class);
        suite.processes().forEach((service, process) -> running.put(service, process.toHandle()));
        LocalFaults faults = new LocalFaults(root, ports, running, env, logs,
                new LocalFaults.Broker(kafkaDir, kafkaPort, controllerPort), ProcessHandle.of(broker.pid()).orElseThrow(),
                postgres.port(), database, (name, pid) -> { });
        try {
            Chaos.Result result = new Chaos(faults, 20261202L).run(PERSONS, Duration.ofSeconds(60));
            System.out.println(result.ledger());
            System.out.println(result.summary());
            assertEquals(7, result.faults().size(), "every fault struck once: " + result.faults());
            assertEquals(PERSONS, result.counted(), result.summary() + "; " + result.ledger());
            assertEquals(0, result.lost(), result.summary() + "; " + result.ledger());
            assertEquals(0, result.doubled(), result.summary() + "; " + result.ledger());
            for (ServiceSpec service : ServiceSpec.values()) {
                assertEquals(200, suite.management(service).get("admin", "/q/health/ready").status(), service + " ready after the chaos");
            }
            // a fault is never a bad record: nothing good may end in a dead-letter topic (a stopping instance once did)
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    String text = Files.readString(log);
                    assertEquals(-1, text.indexOf("goes to"), log + " dead-lettered a record during the chaos");
                }
            }
        } finally {
            faults.stopAll();
            suite.close();
            broker.stop();
        }
    }
}
