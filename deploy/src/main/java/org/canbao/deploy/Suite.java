package org.canbao.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.canbao.simulator.Api;

/** The four services started together against one broker and one database, each its own process. */
public final class Suite implements AutoCloseable {
    private final Map<ServiceSpec, Process> processes = java.util.Collections.synchronizedMap(new EnumMap<>(ServiceSpec.class));
    private final Map<ServiceSpec, Integer> ports;
    private final Map<ServiceSpec, Duration> startUp = new EnumMap<>(ServiceSpec.class);
    private final Path root;
    private final Map<String, String> env;
    private final Path logDir;
    private final Duration timeout;

    private Suite(Path root, Map<ServiceSpec, Integer> ports, Map<String, String> env, Path logDir, Duration timeout) {
        this.root = root;
        this.ports = ports;
        this.env = env;
        this.logDir = logDir;
        this.timeout = timeout;
    }

    /** Starts the services at once (start-up overlaps) and returns when every one is ready. */
    public static Suite start(Path root, Map<ServiceSpec, Integer> ports, Map<String, String> env, Path logDir,
                              Duration timeout) throws IOException, InterruptedException {
        Suite suite = new Suite(root, ports, env, logDir, timeout);
        try {
            for (var entry : ports.entrySet()) {
                suite.processes.put(entry.getKey(), ServiceProcess.start(root, entry.getKey(), entry.getValue(), env,
                        logDir.resolve(entry.getKey().module() + ".log")));
            }
            for (var entry : suite.processes.entrySet()) {
                ServiceSpec service = entry.getKey();
                suite.startUp.put(service, ServiceProcess.awaitReady(entry.getValue(), ports.get(service), timeout,
                        logDir.resolve(service.module() + ".log")));
            }
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** {@code kill -9}: the process gets no chance to finish anything it was doing. */
    public void kill(ServiceSpec service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM): consumers leave their groups, so an operator may reset their offsets. */
    public void stop(ServiceSpec service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Starts the service again on its port and returns when it is ready. */
    public Duration restart(ServiceSpec service) throws IOException, InterruptedException {
        Path log = logDir.resolve(service.module() + ".log");
        Process process = ServiceProcess.start(root, service, ports.get(service), env, log);
        processes.put(service, process);
        return ServiceProcess.awaitReady(process, ports.get(service), timeout, log);
    }

    public int port(ServiceSpec service) {
        return ports.get(service);
    }

    public Api http(ServiceSpec service) {
        return Api.local(ports.get(service));
    }

    /** The service's management interface: {@code /q/health}, {@code /q/metrics}. */
    public Api management(ServiceSpec service) {
        return Api.local(ServiceProcess.managementPort(ports.get(service)));
    }

    public Map<ServiceSpec, Process> processes() {
        return processes;
    }

    /** How long each service took from process start to ready (they start in parallel on a shared CPU). */
    public Map<ServiceSpec, Duration> startUpTimes() {
        return startUp;
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
