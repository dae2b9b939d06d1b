package org.canbao.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.canbao.infra.TopicWriter;
import org.canbao.platform.inbox.ConsumerBatches;
import org.junit.jupiter.api.Test;

/**
 * Records a consumer cannot read, or cannot apply, on the real broker: each goes to {@code <topic>.dead-letter}
 * with its source partition and offset, the reason and the record as received, the channel goes on with the
 * records behind them, and the count shows in health and metrics. A transient failure is retried, never
 * dead-lettered.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class DeadLetterTest {
    /** Health and metrics answer on the management port only. */
    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject
    DataSource dataSource;

    @Inject
    ConsumerBatches batches;

    private static String added(String person, LocalDate validFrom) {
        return EventCodec.write(EventCodec.envelope("/test", new StatusChanged(person, "civil-affairs", "MINIMUM_LIVING",
                StatusChanged.Change.ADDED, validFrom, Instant.now())));
    }

    private long spells(String person) {
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("select count(*) from hardship_spell where person_key = '" + person + "'")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unreadableAndUnappliableRecordsGoToTheDeadLettersAndTheChannelGoesOn() throws Exception {
        String garbage = "这不是一个事件 {";
        String unappliable = added("dl-bad", null);
        String good = added("dl-good", LocalDate.of(2022, 8, 31));
        String broker = TestInfra.broker().bootstrapServers();
        TopicWriter.send(broker, "status-changed", "dl", garbage, unappliable, good);

        Instant deadline = Instant.now().plusSeconds(60);
        while (spells("dl-good") == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(1, spells("dl-good"), "the record behind the bad ones took effect");
        assertEquals(0, spells("dl-bad"));

        List<JsonNode> letters = new ArrayList<>();
        TopicReader.await(broker, "status-changed.dead-letter", seen -> {
            letters.clear();
            for (ConsumerRecord<String, String> record : seen) {
                JsonNode letter = read(record.value());
                if (garbage.equals(letter.path("record").asText()) || unappliable.equals(letter.path("record").asText())) {
                    letters.add(letter);
                }
            }
            return letters.size() >= 2;
        }, Duration.ofSeconds(30));
        assertEquals(2, letters.size(), "one dead letter for each bad record: " + letters);
        JsonNode unread = letters.stream().filter(l -> garbage.equals(l.get("record").asText())).findFirst().orElseThrow();
        assertEquals("status-changed", unread.get("topic").asText());
        assertTrue(unread.get("reason").asText().startsWith("unreadable"), unread.toString());
        assertTrue(unread.get("partition").asInt() >= 0 && unread.get("offset").asLong() >= 0, unread.toString());
        assertFalse(unread.get("masked").asBoolean());
        JsonNode failed = letters.stream().filter(l -> unappliable.equals(l.get("record").asText())).findFirst().orElseThrow();
        assertTrue(failed.get("reason").asText().contains("NullPointerException"), failed.toString());
        assertEquals(unread.get("partition").asInt(), failed.get("partition").asInt(), "one key, one partition");
        assertEquals(unread.get("offset").asLong() + 1, failed.get("offset").asLong(), "the offset it was read at");

        String health = given().port(management.getPort()).get("/q/health/ready").then().statusCode(200).extract().asString();
        JsonNode channels = null;
        for (JsonNode check : read(health).get("checks")) {
            if ("consumer channels".equals(check.get("name").asText())) {
                channels = check;
            }
        }
        assertTrue(channels != null && channels.get("data").get("status-changed.dead-letter").asLong() >= 2, health);
        assertTrue(health.length() < 4_000, "health stays brief: " + health.length() + " characters");
        String metrics = given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("canbao_dead_letters_total{topic=\"status-changed\"}"), "dead letters counted in the metrics");
        String lag = "canbao_consumer_lag{group=\"reporting-service\",topic=\"status-changed\"}";
        for (int i = 0; i < 40 && !metrics.contains(lag); i++) {
            Thread.sleep(500);
            metrics = given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertTrue(metrics.contains(lag), "the group's committed-offset lag, measured on the broker");
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/channels").then().statusCode(200)
                .body("stalledSince", org.hamcrest.Matchers.anEmptyMap())
                .body("deadLetters.status-changed", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("lag", org.hamcrest.Matchers.hasKey("reporting-service status-changed"));
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNeverDeadLettered() {
        long before = batches.deadLetters().containsKey("retry-test") ? batches.deadLetters().get("retry-test").get() : 0;
        AtomicInteger attempts = new AtomicInteger();
        List<String> applied = new ArrayList<>();
        batches.apply("retry-test", List.of("a", "b"), r -> r, records -> {
            if (attempts.incrementAndGet() <= 4) {
                throw new IllegalStateException("database gone", new SQLException("connection refused", "08001"));
            }
            applied.addAll(records);
        });
        assertEquals(5, attempts.get(), "four failures, then it passed");
        assertEquals(List.of("a", "b"), applied, "the whole batch, once");
        long after = batches.deadLetters().containsKey("retry-test") ? batches.deadLetters().get("retry-test").get() : 0;
        assertEquals(before, after, "nothing dead-lettered");
        assertTrue(batches.stalled().isEmpty(), "moving again");
    }

    private static JsonNode read(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
