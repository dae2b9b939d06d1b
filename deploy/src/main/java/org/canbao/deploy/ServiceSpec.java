package org.canbao.deploy;

import java.nio.file.Path;

/** The four services, with their fixed local ports. */
public enum ServiceSpec {
    ENROLLMENT("enrollment-service", 8081),
    PAYMENT_INGEST("payment-ingest-service", 8082),
    SUBSIDY("subsidy-service", 8083),
    REPORTING("reporting-service", 8084);

    private final String module;
    private final int port;

    ServiceSpec(String module, int port) {
        this.module = module;
        this.port = port;
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
