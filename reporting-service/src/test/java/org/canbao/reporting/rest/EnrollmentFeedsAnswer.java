package org.canbao.reporting.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for enrollment-service's {@code GET /api/v1/feeds} in the dashboard's browser test, which runs
 * reporting-service alone: it answers a recorded feed-health answer (the shape enrollment-service's own tests check)
 * and keeps the Authorization header it was sent, so the test sees the caller's credentials passed on.
 */
public class EnrollmentFeedsAnswer implements QuarkusTestResourceLifecycleManager {
    static final String ANSWER = """
            [{"department":"civil-affairs","lastReceived":"2040-12-01T02:00:00Z","mode":"snapshot","asOf":"2040-11-30",
              "accepted":812,"rejected":3,"members":812,"previousMembers":1203,"change":-0.325,"flags":["shrank"]},
             {"department":"disabled-persons-federation","lastReceived":null,"mode":null,"asOf":null,"accepted":0,
              "rejected":0,"members":0,"previousMembers":null,"change":null,"flags":["missing"]},
             {"department":"rural-revitalization","lastReceived":"2040-12-01T03:00:00Z","mode":"delta","asOf":"2040-11-30",
              "accepted":40,"rejected":0,"members":950,"previousMembers":940,"change":0.0106,"flags":[]}]
            """;
    static volatile String authorization;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/feeds", exchange -> {
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("canbao.enrollment.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
