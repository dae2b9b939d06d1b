package org.canbao.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether this service's figures are moving: stalled channels, lag per consumer group, dead letters since start. */
@Tag(name = "Channels", description = "Whether the service's Kafka inputs are moving.")
@Path("/api/v1/channels")
public class ChannelsResource {
    private final ConsumerBatches batches;
    private final ConsumerLag lag;

    public ChannelsResource(ConsumerBatches batches, ConsumerLag lag) {
        this.batches = batches;
        this.lag = lag;
    }

    public record Channels(Map<String, Instant> stalledSince, Map<String, Long> lag, Map<String, Long> deadLetters) {
    }

    @Operation(summary = "Channel health",
            description = "Roles supervisor, admin. Stalled channels since when, lag per consumer group and topic, "
                    + "records sent to each dead-letter topic since start.")
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public Channels channels() {
        Map<String, Instant> stalled = new TreeMap<>();
        batches.stalled().forEach((topic, r) -> stalled.put(topic, r.since()));
        Map<String, Long> letters = new TreeMap<>();
        batches.deadLetters().forEach((topic, count) -> letters.put(topic, count.get()));
        return new Channels(stalled, lag.lags(), letters);
    }
}
