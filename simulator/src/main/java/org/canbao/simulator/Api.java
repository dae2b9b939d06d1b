package org.canbao.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.canbao.contracts.EventCodec;

/**
 * The public REST API as a department, the tax bureau or a supervisor calls it: HTTP Basic with the local users
 * (user = password). A 409 (another request changed the same records at the same moment, nothing kept) or a 503 is
 * sent again after its {@code Retry-After}, as API extensions ask; any other answer is the caller's to judge.
 */
public final class Api {
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return EventCodec.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body);
            }
        }

        public Answer ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException("answered " + status + ": " + (body.length() > 500 ? body.substring(0, 500) : body));
            }
            return this;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer post(String user, String path, String contentType, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Answer put(String user, String path, String contentType, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Answer send(String user, HttpRequest.Builder builder) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = builder.header("Authorization", "Basic " + credentials).timeout(Duration.ofMinutes(5)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if ((response.statusCode() == 409 || response.statusCode() == 503) && attempt < 30) {
                    Thread.sleep(200L * Math.min(attempt, 5));
                    continue;
                }
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException("request to " + request.uri() + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
