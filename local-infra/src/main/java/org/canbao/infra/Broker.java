package org.canbao.infra;

/** A Kafka broker the tests talk to: the in-JVM one of {@link KafkaBroker} or a Testcontainers container. */
public interface Broker {
    String bootstrapServers();
}
