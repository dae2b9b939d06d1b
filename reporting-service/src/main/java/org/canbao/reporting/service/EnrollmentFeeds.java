package org.canbao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.canbao.reporting.config.EnrollmentConfig;
import org.jboss.logging.Logger;

/**
 * The departments' feed health as enrollment-service answers it ({@code GET /api/v1/feeds}), fetched for the
 * dashboard with the caller's own credentials, so the page needs one origin and enrollment-service still decides who
 * may see it. Reporting keeps nothing of it.
 */
@ApplicationScoped
public class EnrollmentFeeds {
    private static final Logger LOG = Logger.getLogger(EnrollmentFeeds.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI feeds;

    public EnrollmentFeeds(EnrollmentConfig config) {
        this.feeds = URI.create(config.url().replaceAll("/+$", "") + "/api/v1/feeds");
    }

    /** Enrollment-service's answer as it came (status and JSON body), or empty when it could not be reached. */
    public java.util.Optional<Answer> fetch(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(feeds).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return java.util.Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            LOG.warnf("enrollment-service's feed health at %s could not be read: %s", feeds, e.getClass().getSimpleName());
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    public record Answer(int status, String body) {
    }
}
