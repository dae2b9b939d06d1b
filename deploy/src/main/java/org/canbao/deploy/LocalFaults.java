package org.canbao.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.canbao.infra.KafkaBroker;
import org.canbao.infra.Postgres;
import org.canbao.simulator.Api;

/**
 * The faults of {@link Chaos} on processes of this machine: the services, the broker (the launcher's or a test's,
 * from the Maven jars) and PostgreSQL. The database is restarted with {@code pg_ctlcluster} when it is the system's
 * cluster; an embedded one (whose folder may be temporary) has every connection to Canbao's database cut instead.
 */
public final class LocalFaults implements Chaos.Faults {
    /** Where the broker lives, so it can be started again with its data and ports. */
    public record Broker(Path dir, int port, int controllerPort) {
    }

    private final Path root;
    private final Map<ServiceSpec, Integer> ports;
    private final Map<ServiceSpec, ProcessHandle> services = new ConcurrentHashMap<>();
    private final Map<String, String> env;
    private final Path logDir;
    private final Broker broker;
    private volatile ProcessHandle brokerProcess;
    private final int pgPort;
    private final String database;
    private final BiConsumer<String, Long> started;

    /** @param started told each process started anew, by name ({@code kafka} or a service's module), with its pid */
    public LocalFaults(Path root, Map<ServiceSpec, Integer> ports, Map<ServiceSpec, ProcessHandle> running,
                       Map<String, String> env, Path logDir, Broker broker, ProcessHandle brokerProcess, int pgPort,
                       String database, BiConsumer<String, Long> started) {
        this.root = root;
        this.ports = ports;
        this.services.putAll(running);
        this.env = env;
        this.logDir = logDir;
        this.broker = broker;
        this.brokerProcess = brokerProcess;
        this.pgPort = pgPort;
        this.database = database;
        this.started = started;
    }

    @Override
    public Api http(ServiceSpec service) {
        return Api.local(ports.get(service));
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + broker.port();
    }

    @Override
    public String killAndRestart(ServiceSpec service) throws Exception {
        kill(services.get(service));
        Instant start = Instant.now();
        Path log = logDir.resolve(service.module() + ".log");
        Process process = ServiceProcess.start(root, service, ports.get(service), env, log);
        services.put(service, process.toHandle());
        started.accept(service.module(), process.pid());
        ServiceProcess.awaitReady(process, ports.get(service), Duration.ofMinutes(3), log);
        return "kill -9 " + service.module() + ", ready again in " + seconds(start);
    }

    @Override
    public String killAndRestartBroker() throws Exception {
        kill(brokerProcess);
        Thread.sleep(3_000);
        Instant start = Instant.now();
        KafkaBroker restarted = KafkaBroker.start(broker.dir(), broker.port(), broker.controllerPort());
        brokerProcess = ProcessHandle.of(restarted.pid()).orElseThrow();
        started.accept("kafka", restarted.pid());
        return "kill -9 the Kafka broker, down 3 s, answering again in " + seconds(start);
    }

    @Override
    public String restartDatabase() throws Exception {
        Instant start = Instant.now();
        String cluster = systemCluster(pgPort);
        if (cluster != null) {
            run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"));
            while (!Postgres.answers(pgPort) && Duration.between(start, Instant.now()).toSeconds() < 60) {
                Thread.sleep(200);
            }
            return "PostgreSQL " + cluster + " restarted (pg_ctlcluster restart), answering again in " + seconds(start);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", Postgres.USER, "");
             PreparedStatement cut = c.prepareStatement(
                     "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            cut.setString(1, database);
            try (var rows = cut.executeQuery()) {
                rows.next();
                return "PostgreSQL is embedded here: cut all " + rows.getInt(1) + " connections to " + database;
            }
        }
    }

    @Override
    public String rebalance() throws Exception {
        int port = ServiceProcess.freePort();
        Path log = logDir.resolve("reporting-service-second.log");
        Instant start = Instant.now();
        Process second = ServiceProcess.start(root, ServiceSpec.REPORTING, port, env, log);
        try {
            ServiceProcess.awaitReady(second, port, Duration.ofMinutes(3), log);
            Thread.sleep(5_000);
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
        return "a second reporting-service joined its consumer groups and left after " + seconds(start);
    }

    /** The version of the system's PostgreSQL cluster on this port, or null when it is not one (embedded). */
    static String systemCluster(int port) {
        try {
            Process list = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
            String out = new String(list.getInputStream().readAllBytes());
            list.waitFor(10, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 4 && columns[2].equals(String.valueOf(port)) && columns[3].startsWith("online")) {
                    return columns[0];
                }
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static void kill(ProcessHandle process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("pid " + process.pid() + " did not die", e);
        }
    }

    private static String seconds(Instant start) {
        return String.format("%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /** Stops what this chaos started or restarted, for a test that owns the suite. */
    public void stopAll() throws InterruptedException {
        for (ProcessHandle service : services.values()) {
            service.destroy();
        }
        for (ProcessHandle service : services.values()) {
            try {
                service.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                service.destroyForcibly();
            }
        }
        if (brokerProcess != null) {
            brokerProcess.destroy();
        }
    }
}
