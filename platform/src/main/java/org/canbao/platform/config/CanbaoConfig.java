package org.canbao.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings every service shares, under {@code canbao.*}. */
@ConfigMapping(prefix = "canbao")
public interface CanbaoConfig {

    /** The key of the ID-number pseudonym; the same in every service. Production takes it from a secret. */
    String pseudonymKey();

    Relay relay();

    Topics topics();

    interface Relay {
        /** Events the relay sends to Kafka in one transaction. */
        @WithDefault("1000")
        int batchSize();

        /** How long an event sent to Kafka may wait for its acknowledgement. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Topics {
        /** Partitions of each topic this service creates; the unit of consumer scale-out. */
        @WithDefault("12")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Topics besides the event topics that this service reads or writes (an input stream, its rejects). */
        Optional<List<String>> extra();
    }
}
