package org.canbao.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * For {@code @QuarkusTest}: points the application at the shared real broker and a fresh real database, from
 * Testcontainers or the local infrastructure as {@link TestInfra} chose.
 */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public Map<String, String> start() {
        Broker broker = TestInfra.broker();
        Postgres postgres = TestInfra.postgres();
        database = TestInfra.freshDatabase("svc");
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        try {
            TestInfra.postgres().dropDatabase(database);
        } catch (SQLException ignored) {
            // a leftover test database is harmless; its name says what it was
        }
    }
}
