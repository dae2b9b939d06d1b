package org.canbao.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings every service shares, under {@code canbao.*}. */
@ConfigMapping(prefix = "canbao")
public interface CanbaoConfig {

    /** The key of the ID-number pseudonym; the same in every service. Production takes it from a secret. */
    String pseudonymKey();

    Relay relay();

    Topics topics();

    Inbox inbox();

    Payments payments();

    Security security();

    /**
     * The pooling region (统筹区) the calls without a region act on (API.md); events and rows written before
     * regions existed belong to it. Set it once, before the first policy or campaign.
     */
    @WithDefault("default")
    String defaultRegion();

    /** Who may see which part of the county (see {@code org.canbao.platform.security}). */
    interface Security {
        /** The bearer token's claim naming the unit a supervisor is scoped to. */
        @WithDefault("canbao_unit")
        String unitClaim();

        /** The unit of a local (Basic) user, by user name: dev, test and the launcher only. */
        Map<String, String> localScopes();
    }

    /** payment-ingest-service's follow-up lists; a check is off while its list is empty. */
    interface Payments {
        /** The tax bureau's payment channels; a payment through another is accepted and flagged. */
        Optional<Set<String>> channels();

        /** The tax offices of this pooling region; a payment to another is accepted and flagged. */
        Optional<Set<String>> taxOffices();
    }

    interface Inbox {
        /** How long ids of events without a stream version stay marked as processed. */
        @WithDefault("30d")
        Duration retention();
    }

    interface Relay {
        /** Events the relay sends to Kafka in one transaction. */
        @WithDefault("1000")
        int batchSize();

        /** How long an event sent to Kafka may wait for its acknowledgement. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** The backstop poll of the relay, besides the kick after each commit. */
        @WithDefault("200ms")
        Duration pollInterval();
    }

    interface Topics {
        /** Partitions of each topic this service creates; the unit of consumer scale-out. */
        @WithDefault("12")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Whether this service creates the missing topics at start-up; either way it checks them. */
        @WithDefault("true")
        boolean create();

        /** Topics besides the event topics that this service reads or writes (an input stream, its rejects). */
        Optional<List<String>> extra();
    }
}
