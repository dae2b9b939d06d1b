package org.canbao.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** For {@code @QuarkusTest}: starts {@link OidcServer} and turns the service's OIDC tenant on against it. */
public class OidcServerResource implements QuarkusTestResourceLifecycleManager {
    private static OidcServer server;

    public static OidcServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = OidcServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.auth-server-url", server.issuer());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
