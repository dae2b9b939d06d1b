package org.canbao.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.Map;

/** For {@code @QuarkusTest}: points the application at the shared real broker and a fresh real database. */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = TestInfra.broker();
        database = TestInfra.freshDatabase("svc");
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", TestInfra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", Postgres.USER);
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
