package org.canbao.deploy;

import java.nio.file.Path;
import org.canbao.infra.Postgres;

/** Keeps an embedded PostgreSQL running for the launcher until this process is stopped. */
public final class EmbeddedPostgresMain {
    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        Postgres postgres = Postgres.atOrStart(Integer.parseInt(args[1]), Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.stop();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        System.out.println("embedded PostgreSQL on port " + postgres.port());
        Thread.currentThread().join();
    }
}
