package org.canbao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The broker and database server shared by every test in one JVM, started on first use and stopped at
 * exit. Each test application gets a database of its own, so runs never see each other's rows.
 *
 * <p>Where a Docker engine answers, both come from Testcontainers; where none does, the in-JVM broker and the
 * PostgreSQL at 127.0.0.1:5432 (or an embedded one). The same tests run on either. The choice is made once, printed
 * on one line, and can be forced with {@code -Dcanbao.tests.infra=local|testcontainers} (or the environment's
 * {@code CANBAO_TESTS_INFRA}).
 */
public final class TestInfra {
    public static final String CHOICE = "canbao.tests.infra";

    /** Where the tests' Kafka and PostgreSQL come from. */
    public enum Source { LOCAL, TESTCONTAINERS }

    /** The choice and the line that tells it. */
    public record Choice(Source source, String line) {
    }

    private static Choice choice;
    private static Containers containers;
    private static KafkaBroker broker;
    private static Postgres postgres;

    private TestInfra() {
    }

    /**
     * Testcontainers when asked for or when Docker answers, the local infrastructure when asked for or when it
     * does not. {@code forced} is the value of {@value #CHOICE}, null or blank when not set; {@code docker} answers
     * the engine's address and is asked only when it matters.
     */
    public static Choice choose(String forced, Supplier<Optional<String>> docker) {
        String wanted = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "local":
                return local("local infrastructure asked for (" + CHOICE + "=local)");
            case "testcontainers": {
                String engine = docker.get().orElseThrow(() -> new IllegalStateException(CHOICE
                        + "=testcontainers, but no Docker engine answers: start Docker (or set DOCKER_HOST), or drop "
                        + CHOICE + " to use the in-JVM Kafka broker and the local PostgreSQL"));
                return containers(engine);
            }
            case "":
                return docker.get().map(TestInfra::containers).orElseGet(() -> local("no Docker engine"));
            default:
                throw new IllegalArgumentException(CHOICE + "=" + forced + " is neither local nor testcontainers");
        }
    }

    private static Choice containers(String engine) {
        return new Choice(Source.TESTCONTAINERS,
                "canbao tests: Kafka and PostgreSQL from Testcontainers (Docker at " + engine + ")");
    }

    private static Choice local(String why) {
        return new Choice(Source.LOCAL,
                "canbao tests: " + why + "; in-JVM Kafka broker and PostgreSQL at 127.0.0.1:5432 (or an embedded one)");
    }

    /** This JVM's choice, made and printed on first use. */
    public static synchronized Source source() {
        if (choice == null) {
            choice = choose(System.getProperty(CHOICE, System.getenv("CANBAO_TESTS_INFRA")), DockerEngine::answering);
            System.out.println(choice.line());
        }
        return choice.source();
    }

    public static synchronized Broker broker() {
        if (source() == Source.TESTCONTAINERS) {
            return containers().broker();
        }
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("canbao-kafka");
                broker = KafkaBroker.start(dir, 0, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker.stop();
                    deleteTree(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return broker;
    }

    public static synchronized Postgres postgres() {
        if (source() == Source.TESTCONTAINERS) {
            return containers().postgres();
        }
        if (postgres == null) {
            try {
                postgres = Postgres.atOrStart(5432, null);
                if (postgres.embedded()) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            postgres.stop();
                        } catch (IOException ignored) {
                            // the JVM is going away; the embedded server's folder is temporary
                        }
                    }));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** Both containers, started together on first use; Testcontainers' reaper removes them if this JVM dies. */
    private static Containers containers() {
        if (containers == null) {
            containers = Containers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(containers::stop));
        }
        return containers;
    }

    /** A new empty database, named after its user; drop it with {@link Postgres#dropDatabase}. */
    public static String freshDatabase(String purpose) {
        String name = "canbao_test_" + purpose.replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try {
            postgres().createDatabaseIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return name;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the folder is under the temporary directory; the system clears what is left
        }
    }
}
