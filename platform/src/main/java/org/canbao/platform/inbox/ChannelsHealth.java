package org.canbao.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The consumers, briefly: DOWN while a channel has been retrying a transient failure (the database gone) for longer
 * than 30 seconds, with the channel and since when; UP otherwise, with the records each channel sent to its
 * dead-letter topic since this instance started, the events waiting for an earlier one (a gap upstream) and each
 * consumer group's lag as last measured on the broker.
 * Never SQL, payloads or personal data: the details are in the log, written once when they happen.
 */
@Readiness
@ApplicationScoped
public class ChannelsHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ChannelsHealth.class);

    private final ConsumerBatches batches;
    private final Inbox inbox;
    private final ConsumerLag lag;

    public ChannelsHealth(ConsumerBatches batches, Inbox inbox, ConsumerLag lag) {
        this.batches = batches;
        this.inbox = inbox;
        this.lag = lag;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("consumer channels").up();
        Map<String, ConsumerBatches.Retrying> stalled = batches.stalled();
        stalled.forEach((topic, r) -> answer.withData(topic, "stalled since " + r.since() + ", retrying: "
                + (r.reason().length() > 120 ? r.reason().substring(0, 120) + "…" : r.reason())));
        if (!stalled.isEmpty()) {
            answer.down();
        }
        Map<String, Long> letters = new TreeMap<>();
        batches.deadLetters().forEach((topic, count) -> letters.put(topic, count.get()));
        letters.forEach((topic, count) -> answer.withData(topic + ".dead-letter", count));
        lag.lags().forEach((groupTopic, records) -> answer.withData("lag " + groupTopic, records));
        try {
            answer.withData("parked events", inbox.parkedCount());
        } catch (RuntimeException e) {
            LOG.debugf("parked events not counted: %s", e.getMessage());
        }
        return answer.build();
    }
}
