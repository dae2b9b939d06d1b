package org.canbao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The broker and database server shared by every test in one JVM, started on first use and stopped at
 * exit. Each test application gets a database of its own, so runs never see each other's rows.
 */
public final class TestInfra {
    private static KafkaBroker broker;
    private static Postgres postgres;

    private TestInfra() {
    }

    public static synchronized KafkaBroker broker() {
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
