package org.canbao.deploy;

import java.nio.file.Path;

/** The four services, with their fixed local ports and their database schemas. */
public enum ServiceSpec {
    ENROLLMENT("enrollment-service", 8081, "enrollment"),
    PAYMENT_INGEST("payment-ingest-service", 8082, "payment"),
    SUBSIDY("subsidy-service", 8083, "subsidy"),
    REPORTING("reporting-service", 8084, "reporting");

    private final String module;
    private final int port;
    private final String schema;

    ServiceSpec(String module, int port, String schema) {
        this.module = module;
        this.port = port;
        this.schema = schema;
    }

    /** The database schema the service owns. */
    public String schema() {
        return schema;
    }

    /** The database role the service logs in as: rights on its own schema only (see {@link DatabaseRoles}). */
    public String databaseRole() {
        return "canbao_" + schema;
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    /** Health and metrics answer on their own port, never on the API's. */
    public int managementPort() {
        return port + 1000;
    }

    public Path jar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
