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

    private static final HttpClient SHARED = client();
    /** A client of its own: a season's concurrent clients, each with its own connections and selector thread. */
    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final boolean sendAgain;

    public Api(String base) {
        this(client(), base, Duration.ofMinutes(5), true);
    }

    /** @param sendAgain whether a 409 or a 503 is sent again, as a department's client would, or returned as answered */
    private Api(HttpClient client, String base, Duration timeout, boolean sendAgain) {
        this.client = client;
        this.base = base;
        this.timeout = timeout;
        this.sendAgain = sendAgain;
    }

    /** A service of the local suite on this port, each answer as it came (the launcher's and the tests' own calls). */
    public static Api local(int port) {
        return local(port, Duration.ofSeconds(60));
    }

    public static Api local(int port, Duration timeout) {
        return new Api(SHARED, "http://127.0.0.1:" + port, timeout, false);
    }

    private static HttpClient client() {
        // HTTP/1.1: the JDK client's default h2c upgrade broke on a large answer (a full-scale season's /q/metrics)
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
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
        HttpRequest request = builder.header("Authorization", "Basic " + credentials).timeout(timeout).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (sendAgain && (response.statusCode() == 409 || response.statusCode() == 503) && attempt < 30) {
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
