package org.canbao.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts a service from its built jar as its own process and waits until it reports ready. The launcher runs the
 * {@code local} profile (the local Basic users of API.md) unless the environment names another one.
 */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<Integer, Integer> MANAGEMENT_PORTS = new ConcurrentHashMap<>();
    private static final java.util.Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /**
     * A service sized as in a small container (issue 8 asks at most 350 MB resident each): a heap its batches fit in
     * (a county's civil-affairs snapshot ran enrollment-service out of a 160 MB heap; outside the heap a service needs
     * 170–200 MB, most of it metaspace (about 95 MB of classes), symbols and code, by native memory tracking),
     * the serial collector (no parallel collector threads on two cores), and bounded metaspace, code cache, thread
     * stacks and direct buffers, which otherwise grow with the machine. Only the quick compiler (C1): profiled, a
     * season's services spent close to half their CPU in the C2 compiler, and without it the season ran 1.6 times as
     * fast with less memory (BENCHMARKS.md, 3 December). A thread keeps no temporary direct buffer over 256 KB (the JDK
     * caches each socket read's buffer per thread, whatever its size: at full scale the Kafka consumers' fetches ran
     * reporting-service out of direct memory). A young generation of 32 MB at start (it may grow to 64) with survivor
     * spaces of a quarter of it each: the batches a service's consumers hold while their transactions run outlive a
     * young collection, and with the defaults (a young generation of about 10 MB, survivor spaces of a tenth of it)
     * they overflowed into the old generation, which then filled, and each full collection (100–200 ms) stopped the
     * service, the progress answers with it (BENCHMARKS.md, 8 December).
     * {@code CANBAO_JAVA_OPTS} replaces them; {@code CANBAO_JAVA_OPTS_<SERVICE>} adds options for one service after them.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms48m", "-Xmx224m", "-XX:+UseSerialGC", "-XX:NewSize=32m",
            "-XX:MaxNewSize=64m", "-XX:SurvivorRatio=2", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
            "-XX:MaxDirectMemorySize=96m", "-Djdk.nio.maxCachedBufferSize=262144", "-XX:TieredStopAtLevel=1");

    private ServiceProcess() {
    }

    public static Process start(Path root, ServiceSpec service, int port, Map<String, String> env, Path log) throws IOException {
        Path jar = service.jar(root);
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build with ./mvnw install -DskipTests");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv("CANBAO_JAVA_OPTS");
        command.addAll(options == null || options.isBlank() ? JVM_OPTIONS : List.of(options.trim().split("\\s+")));
        String own = System.getenv(ownOptionsVariable(service));
        if (own != null && !own.isBlank()) {
            command.addAll(List.of(own.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort(port)));
        builder.environment().putIfAbsent("QUARKUS_PROFILE", "local");
        // glibc gives each thread that allocates its own malloc arena (64 MB reserved each): two keep RSS to the JVM's own
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putIfAbsent("CANBAO_DB_USER", service.databaseRole());
        return builder.start();
    }

    /** Options added after the others for one service only, such as {@code CANBAO_JAVA_OPTS_REPORTING_SERVICE}. */
    static String ownOptionsVariable(ServiceSpec service) {
        return "CANBAO_JAVA_OPTS_" + service.module().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /**
     * The management port (health, metrics) of the service on {@code httpPort}: 9081..9084 beside the fixed ports,
     * else a free port, the same one every time it is asked for.
     */
    public static int managementPort(int httpPort) {
        return MANAGEMENT_PORTS.computeIfAbsent(httpPort, port -> java.util.Arrays.stream(ServiceSpec.values())
                .filter(s -> s.port() == port).findFirst().map(ServiceSpec::managementPort).orElseGet(ServiceProcess::freePort));
    }

    /**
     * A port free now that this JVM has not handed out before. The system may give a port it just closed again: a test
     * suite's HTTP port once came out equal to another service's management port, and that service could not start.
     * Below Linux's ephemeral range (32768 and up): a port the system handed out could be taken by an outgoing
     * connection (a Kafka client's) before the service bound it, and a second subsidy-service once failed to start so.
     */
    static int freePort() {
        while (true) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException busy) {
                // taken: try another
            }
        }
    }

    /** Waits for {@code /q/health/ready} on the management port to answer 200: database migrated, Kafka reachable. */
    public static Duration awaitReady(Process process, int port, Duration timeout, Path log) throws IOException, InterruptedException {
        Instant start = Instant.now();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort(port) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            if (!process.isAlive()) {
                throw new IOException("service on port " + port + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("service on port " + port + " not ready within " + timeout + ", see " + log);
    }
}
