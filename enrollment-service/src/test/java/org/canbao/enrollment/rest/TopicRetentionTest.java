package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.junit.jupiter.api.Test;

/** A topic of Canbao's that keeps records for seven days would lose offset zero: the service stays unready and says why. */
@QuarkusTest
@TestProfile(TopicRetentionTest.SevenDayTopic.class)
@WithTestResource(LocalInfraResource.class)
class TopicRetentionTest {
    /** Health and metrics answer on the management port only. */
    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    static final String TOPIC = "canbao-test-seven-days";

    public static class SevenDayTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("canbao.topics.extra", TOPIC);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CreatedWithSevenDays.class));
        }
    }

    /** Created before the service starts, as a broker with auto-creation and its default retention would have. */
    public static class CreatedWithSevenDays implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfra.broker().bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 12, (short) 1)
                        .configs(Map.of("retention.ms", String.valueOf(7L * 24 * 3600 * 1000))))).all().get();
            } catch (Exception e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void readinessIsDownWithTheReason() throws InterruptedException {
        // the guard looks again every 30 s: wait for its answer to name the seven-day topic, then check it whole
        String expected = "topic " + TOPIC + " keeps records for 168 hours";
        for (int i = 0; i < 90 && !given().port(management.getPort()).get("/q/health/ready").asString().contains(expected); i++) {
            Thread.sleep(1_000);
        }
        given().port(management.getPort()).get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(containsString("topic " + TOPIC + " keeps records for 168 hours (retention.ms=604800000); "
                        + "Canbao rebuilds from offset zero and needs retention.ms=-1"));
        given().port(management.getPort()).get("/q/health/live").then().statusCode(200);
    }
}
