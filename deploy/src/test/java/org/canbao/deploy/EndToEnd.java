package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.canbao.infra.TestInfra;
import org.canbao.simulator.Api;

/** What the end-to-end tests share: the four built services on free ports, and waiting for an answer. */
final class EndToEnd {
    private EndToEnd() {
    }

    /** From the launcher's ports, so no test port equals a port the launcher gave a service (see ServiceProcess). */
    static int freePort() throws IOException {
        return ServiceProcess.freePort();
    }

    static Map<ServiceSpec, Integer> freePorts() throws IOException {
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            ports.put(service, freePort());
        }
        return ports;
    }

    /**
     * The four services against this broker and the test PostgreSQL's {@code database} (its roles prepared), with
     * their logs, fresh, in {@code target/<name>-logs}.
     */
    static Suite start(String name, String database, String bootstrapServers) throws Exception {
        return start(name, database, bootstrapServers, Map.of());
    }

    /** The same with more environment for every service (a setting a test needs). */
    static Suite start(String name, String database, String bootstrapServers, Map<String, String> more) throws Exception {
        DatabaseRoles.prepare(TestInfra.postgres().jdbcUrl(database));
        Path logs = Path.of("target", name + "-logs");
        Files.createDirectories(logs);
        for (ServiceSpec service : ServiceSpec.values()) {
            Files.deleteIfExists(logs.resolve(service.module() + ".log"));
        }
        Map<String, String> env = new java.util.HashMap<>(env(name, database, bootstrapServers));
        env.putAll(more);
        return Suite.start(root(), freePorts(), env, logs, Duration.ofSeconds(180));
    }

    /** The repository, where the services' built jars are. */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** What a service of the suite {@code start} made is started with (another instance of one, too). */
    static Map<String, String> env(String name, String database, String bootstrapServers) {
        return Map.of("CANBAO_DB_URL", TestInfra.postgres().jdbcUrl(database), "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "CANBAO_PSEUDONYM_KEY", name + "-test-pseudonym-key");
    }

    static JsonNode ok(Api.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    static Api.Answer eventually(String what, Supplier<Api.Answer> call, Predicate<Api.Answer> done) {
        return eventually(what, call, done, Duration.ofSeconds(60));
    }

    /** Asks until the answer is as wanted; a service that does not answer (down, restarting) counts as a 503. */
    static Api.Answer eventually(String what, Supplier<Api.Answer> call, Predicate<Api.Answer> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Api.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = call.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (IllegalStateException down) {
                last = new Api.Answer(503, down.getMessage());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + " did not happen; last answer " + (last == null ? null : last.status() + " " + last.body()));
    }
}
