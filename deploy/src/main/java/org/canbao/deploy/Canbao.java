package org.canbao.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.canbao.infra.KafkaBroker;
import org.canbao.infra.Postgres;
import org.canbao.simulator.Api;

/**
 * The local launcher behind {@code ./canbao}: {@code up} starts Kafka (from the Maven jars), PostgreSQL
 * (the one at 5432, or an embedded one) and the four services; {@code demo} also loads the Pingjiang
 * campaign and a synthetic population; {@code load <dir>} puts a region's policy and campaign (deploy/regions);
 * {@code status} shows what runs; {@code down} stops it all and removes
 * the logs and process ids. Kafka and embedded-PostgreSQL data stay in .canbao/data unless {@code down --purge}.
 */
public final class Canbao {
    private static final int KAFKA_PORT = 9092;
    private static final int PG_PORT = 5432;
    private static final String DATABASE = "canbao";
    /** The demo's region: its calls without a region, and {@code ./canbao load deploy/regions/pingjiang-2023}, act on it. */
    private static final String DEFAULT_REGION = "pingjiang";

    private final Path root;
    private final Path run;
    private final Path data;

    private Canbao(Path root) {
        this.root = root;
        this.run = root.resolve(".canbao/run");
        this.data = root.resolve(".canbao/data");
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("canbao: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Canbao canbao = new Canbao(Path.of("").toAbsolutePath());
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> canbao.up(Instances.parse(Arrays.asList(args)));
            case "demo" -> {
                canbao.up(Instances.parse(Arrays.asList(args)));
                DemoData.load(Map.of(ServiceSpec.SUBSIDY, Api.local(ServiceSpec.SUBSIDY.port()),
                        ServiceSpec.REPORTING, Api.local(ServiceSpec.REPORTING.port()),
                        ServiceSpec.ENROLLMENT, Api.local(ServiceSpec.ENROLLMENT.port()),
                        ServiceSpec.PAYMENT_INGEST, Api.local(ServiceSpec.PAYMENT_INGEST.port())));
                canbao.whereToLook();
            }
            case "status" -> canbao.status();
            case "load" -> {
                if (!load(java.util.Arrays.asList(args).subList(1, args.length))) {
                    System.exit(1);
                }
            }
            case "bench" -> {
                if (args.length > 2 && args[1].equals("--season")) {
                    if (!SeasonBench.run(canbao.root, args[2], option(args, "--scale", 0.05), (int) option(args, "--clients", 4),
                            (int) option(args, "--steady-rate", 5000), (int) option(args, "--steady-seconds", 10))) {
                        System.exit(1);
                    }
                } else {
                    Benchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 50_000);
                }
            }
            case "files" -> FileTimings.run(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
            case "down" -> canbao.down(args.length > 1 && args[1].equals("--purge"));
            case "rebuild" -> rebuild(args.length > 1 ? args[1] : "");
            case "chaos" -> {
                if (!canbao.chaos(args.length > 2 && args[1].equals("--minutes") ? Double.parseDouble(args[2]) : 5)) {
                    System.exit(1);
                }
            }
            default -> System.out.println("usage: ./canbao up [--instances subsidy-service=2,...] | demo | status | load <region dir>... [--year Y] | bench [N] "
                    + "| bench --season <region> [--scale F] [--clients N] [--steady-rate R] [--steady-seconds S] "
                    + "| files [rows] | rebuild <service> "
                    + "| chaos [--minutes M] | down [--purge]");
        }
    }

    private static double option(String[] args, String name, double otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return otherwise;
    }

    /**
     * Puts each region folder's policy and campaign (deploy/regions/&lt;region&gt;-&lt;year&gt;) into the running suite
     * and prints the answers; false when a service refused one.
     */
    private static boolean load(List<String> args) {
        Integer year = null;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--year") && i + 1 < args.size()) {
                year = Integer.parseInt(args.get(++i));
            } else {
                dirs.add(Path.of(args.get(i)));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("load which region? e.g. ./canbao load deploy/regions/pingjiang-2023");
        }
        Api subsidy = Api.local(ServiceSpec.SUBSIDY.port());
        Api reporting = Api.local(ServiceSpec.REPORTING.port());
        boolean ok = true;
        for (Path dir : dirs) {
            ok &= RegionLoader.load(RegionLoader.read(dir), year, subsidy, reporting, System.out).ok();
        }
        return ok;
    }

    /**
     * Strikes the running suite with every fault under a steady load (see {@link Chaos}) and says whether every
     * accepted payment was counted exactly once. Processes it restarts are the launcher's, as after {@code up}.
     */
    private boolean chaos(double minutes) throws Exception {
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        Map<ServiceSpec, ProcessHandle> running = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            ports.put(service, service.port());
            running.put(service, handle(service.module()));
        }
        ProcessHandle broker = handle("kafka");
        LocalFaults faults = new LocalFaults(root, ports, running,
                Map.of("CANBAO_PSEUDONYM_KEY", pseudonymKey(data), "CANBAO_DEFAULT_REGION", DEFAULT_REGION), run,
                new LocalFaults.Broker(data.resolve("kafka"), KAFKA_PORT, KAFKA_PORT + 1), broker, PG_PORT, DATABASE, this::pid);
        int persons = (int) Math.max(100, 300 * minutes);
        System.out.printf("chaos: %d residents and their payments over %.1f minutes; every fault strikes once%n", persons, minutes);
        Chaos.Result result = new Chaos(faults, System.nanoTime()).run(persons, Duration.ofMillis((long) (minutes * 60_000)));
        System.out.println(result.ledger());
        System.out.println(result.summary());
        return result.lost() == 0 && result.doubled() == 0;
    }

    /** A process the launcher started, from its pid file; chaos strikes only the launcher's own suite. */
    private ProcessHandle handle(String name) throws IOException {
        Path file = run.resolve(name + ".pid");
        if (!Files.exists(file)) {
            throw new IllegalStateException(name + " was not started by ./canbao up (no " + file + "): chaos needs the launcher's suite");
        }
        long pid = Long.parseLong(Files.readString(file).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running: ./canbao up first"));
    }

    /** Asks a running service to rebuild its projections from its log, and prints what it replayed and how fast. */
    private static void rebuild(String name) {
        ServiceSpec service = java.util.Arrays.stream(ServiceSpec.values()).filter(s -> s.module().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rebuild which service? one of "
                        + java.util.Arrays.stream(ServiceSpec.values()).map(ServiceSpec::module).toList()));
        System.out.println(name + ": rebuilding its projections while it keeps answering...");
        Api.Answer answer = Api.local(service.port(), Duration.ofHours(2)).post("admin", "/api/v1/admin/rebuild",
                "application/json", "");
        if (answer.status() != 200) {
            throw new IllegalStateException(name + " answered " + answer.status() + ": " + answer.body());
        }
        var result = answer.json();
        System.out.printf("%s: rebuilt from its %s: %,d events in %.1f s, %,d events/s%n", name,
                result.path("source").asText(), result.path("events").asLong(), result.path("seconds").asDouble(),
                result.path("eventsPerSecond").asLong());
    }

    private void up(Map<ServiceSpec, Integer> instances) throws Exception {
        Files.createDirectories(run);
        Instant start = Instant.now();
        String key = pseudonymKey(data);
        if (Postgres.answers(PG_PORT)) {
            System.out.println("PostgreSQL: using the server at 127.0.0.1:" + PG_PORT);
        } else {
            System.out.println("PostgreSQL: none at 127.0.0.1:" + PG_PORT + ", starting an embedded one");
            Process pg = background(List.of("org.canbao.deploy.EmbeddedPostgresMain", data.resolve("postgres").toString(),
                    String.valueOf(PG_PORT)), run.resolve("postgres.log"));
            pid("postgres", pg.pid());
            await(() -> Postgres.answers(PG_PORT), Duration.ofSeconds(60), "embedded PostgreSQL");
        }
        Postgres postgres = Postgres.atOrStart(PG_PORT, null);
        postgres.createDatabaseIfMissing(DATABASE);
        DatabaseRoles.prepare(postgres.jdbcUrl(DATABASE));
        if (portAnswers(KAFKA_PORT)) {
            System.out.println("Kafka: using the broker at 127.0.0.1:" + KAFKA_PORT);
        } else {
            KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), KAFKA_PORT, KAFKA_PORT + 1);
            pid("kafka", broker.pid());
            System.out.println("Kafka: broker started at " + broker.bootstrapServers());
        }
        Map<ServiceSpec, Integer> toStart = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            if (portAnswers(service.port())) {
                System.out.println(service.module() + ": already running on " + service.port());
            } else {
                toStart.put(service, service.port());
            }
        }
        Map<String, String> env = Map.of("CANBAO_PSEUDONYM_KEY", key, "CANBAO_DEFAULT_REGION", DEFAULT_REGION);
        Suite suite = Suite.start(root, toStart, env, run, Duration.ofSeconds(180));
        suite.processes().forEach((service, process) -> pid(service.module(), process.pid()));
        suite.startUpTimes().forEach((s, d) -> System.out.printf("%s: ready on http://127.0.0.1:%d in %.1f s%n",
                s.module(), s.port(), d.toMillis() / 1000.0));
        Instances.scale(root, run, instances, env);
        System.out.printf("up in %.1f s; logs and pids in %s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0, run);
    }

    private void whereToLook() {
        System.out.println("""

                Where to look (user = password, see shared API.md):
                  progress   curl -u supervisor:supervisor http://127.0.0.1:8084/api/v1/campaigns/2023/progress
                  checkpoints curl -u supervisor:supervisor http://127.0.0.1:8084/api/v1/campaigns/2023/checkpoints
                  dashboard  http://127.0.0.1:8084/
                  APIs       http://127.0.0.1:8081/q/swagger-ui (8082, 8083, 8084 likewise)
                  health     http://127.0.0.1:9081/q/health  metrics  http://127.0.0.1:9081/q/metrics (9082-9084 likewise)
                  stop       ./canbao down""");
    }

    private void status() throws IOException {
        if (!Files.isDirectory(run)) {
            System.out.println("nothing started by ./canbao is running");
            return;
        }
        try (Stream<Path> pids = Files.list(run).filter(p -> p.toString().endsWith(".pid")).sorted()) {
            for (Path file : pids.toList()) {
                long pid = Long.parseLong(Files.readString(file).trim());
                String name = file.getFileName().toString().replace(".pid", "");
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                System.out.printf("%-24s pid %-8d %-8s rss %s%n", name, pid, alive ? "running" : "stopped", rss(pid));
            }
        }
    }

    private void down(boolean purge) throws IOException, InterruptedException {
        for (Path extra : Instances.extras(run)) {
            Instances.stop(extra);
            System.out.println("stopped " + extra.getFileName().toString().replace(".pid", ""));
        }
        List<String> order = new ArrayList<>(Stream.of(ServiceSpec.values()).map(ServiceSpec::module).toList());
        order.add("kafka");
        order.add("postgres");
        for (String name : order) {
            Path file = run.resolve(name + ".pid");
            if (Files.exists(file)) {
                long pid = Long.parseLong(Files.readString(file).trim());
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent()) {
                    handle.get().destroy();
                    handle.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(t -> {
                                handle.get().destroyForcibly();
                                return null;
                            }).join();
                }
                System.out.println("stopped " + name);
            }
        }
        deleteTree(run);
        if (purge) {
            deleteTree(data);
            if (Postgres.answers(PG_PORT)) {
                try {
                    Postgres.atOrStart(PG_PORT, null).dropDatabase(DATABASE);
                } catch (java.sql.SQLException e) {
                    System.out.println("database " + DATABASE + " not dropped: " + e.getMessage());
                }
            }
        }
    }

    private Process background(List<String> mainAndArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void pid(String name, long pid) {
        try {
            Files.writeString(run.resolve(name + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "-";
        }
    }

    private static boolean portAnswers(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not start within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The local suite's pseudonym key, made once at random and kept with its data (a built service has no default).
     * Data made before the key file existed was keyed with the old local default: it keeps that one.
     */
    static String pseudonymKey(Path data) throws java.io.IOException {
        Path file = data.resolve("pseudonym-key");
        if (!java.nio.file.Files.exists(file)) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String key = java.nio.file.Files.exists(data.resolve("kafka")) ? "local-only-pseudonym-key-change-me"
                    : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            java.nio.file.Files.createDirectories(data);
            java.nio.file.Files.writeString(file, key);
        }
        return java.nio.file.Files.readString(file).trim();
    }
}
