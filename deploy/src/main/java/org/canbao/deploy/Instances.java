package org.canbao.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * More than one instance of a service in the local suite ({@code ./canbao up --instances subsidy-service=2,…}), to
 * scale out on the topics' partitions: the instances of a service share its consumer groups and its schema, so
 * Kafka splits the partitions between them and hands them back when one stops. Instance n listens on the first one's
 * port + 100 × (n − 1) (8183, 8283 for subsidy-service) and its pid file is {@code <module>-<n>.pid}. Asked again
 * with a smaller number, it stops the instances above it cleanly (they leave their groups), so a season can gain
 * and lose instances while it runs.
 */
final class Instances {
    private static final Pattern PID_FILE = Pattern.compile("(.+)-(\\d+)\\.pid");

    private Instances() {
    }

    /** {@code --instances a=2,b=3} among the arguments, else none; every service named must exist. */
    static Map<ServiceSpec, Integer> parse(List<String> args) {
        Map<ServiceSpec, Integer> wanted = new EnumMap<>(ServiceSpec.class);
        int at = args.indexOf("--instances");
        if (at < 0) {
            return wanted;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException("--instances needs a list, e.g. --instances subsidy-service=2,reporting-service=2");
        }
        for (String item : args.get(at + 1).split(",")) {
            String[] parts = item.split("=");
            ServiceSpec service = Arrays.stream(ServiceSpec.values()).filter(s -> s.module().equals(parts[0].trim()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + parts[0] + ": one of "
                            + Arrays.stream(ServiceSpec.values()).map(ServiceSpec::module).toList()));
            int count = parts.length == 2 && parts[1].trim().matches("[1-9]") ? Integer.parseInt(parts[1].trim()) : 0;
            if (count == 0) {
                throw new IllegalArgumentException(item + ": instances are counted 1 to 9, e.g. " + service.module() + "=2");
            }
            wanted.put(service, count);
        }
        return wanted;
    }

    static int port(ServiceSpec service, int instance) {
        return service.port() + 100 * (instance - 1);
    }

    /** Starts the missing instances (2 and up; the first is the suite's) and stops those above the number wanted. */
    static void scale(Path root, Path run, Map<ServiceSpec, Integer> wanted, Map<String, String> env)
            throws IOException, InterruptedException {
        for (var entry : wanted.entrySet()) {
            ServiceSpec service = entry.getKey();
            for (Path extra : extras(run, service)) {
                if (instance(extra) > entry.getValue()) {
                    stop(extra);
                    System.out.printf("%s: instance %d stopped%n", service.module(), instance(extra));
                }
            }
            for (int n = 2; n <= entry.getValue(); n++) {
                int port = port(service, n);
                Path pid = run.resolve(service.module() + "-" + n + ".pid");
                if (Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).isPresent()) {
                    continue;
                }
                Path log = run.resolve(service.module() + "-" + n + ".log");
                Process process = ServiceProcess.start(root, service, port, env, log);
                Files.writeString(pid, Long.toString(process.pid()));
                Duration ready = ServiceProcess.awaitReady(process, port, Duration.ofSeconds(180), log);
                System.out.printf("%s: instance %d ready on http://127.0.0.1:%d in %.1f s%n", service.module(), n, port,
                        ready.toMillis() / 1000.0);
            }
        }
    }

    /** The pid files of every service's instances above the first. */
    static List<Path> extras(Path run) throws IOException {
        return Arrays.stream(ServiceSpec.values()).flatMap(s -> {
            try {
                return extras(run, s).stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /** A clean stop, then a forced one after 30 s; the pid file goes. */
    static void stop(Path pidFile) throws IOException {
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        handle.ifPresent(h -> {
            h.destroy();
            h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
                h.destroyForcibly();
                return null;
            }).join();
        });
        Files.delete(pidFile);
    }

    private static List<Path> extras(Path run, ServiceSpec service) throws IOException {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> {
                Matcher m = PID_FILE.matcher(f.getFileName().toString());
                return m.matches() && m.group(1).equals(service.module());
            }).sorted().toList();
        }
    }

    private static int instance(Path pidFile) {
        Matcher m = PID_FILE.matcher(pidFile.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(2)) : 1;
    }
}
