package org.canbao.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka (the apache/kafka image, KRaft) and PostgreSQL 15 in containers, configured as {@link KafkaBroker} and
 * the local server are: twelve partitions, no topic auto-creation, and a superuser {@code postgres} that needs no
 * password (the deploy tests log in as the services' roles without one).
 */
final class Containers {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:15";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private Containers(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static Containers start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_NUM_PARTITIONS", "12")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withUsername(Postgres.USER)
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                // every test application keeps a pool of its own
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=400");
        kafka.start();
        postgres.start();
        return new Containers(kafka, postgres);
    }

    Broker broker() {
        return kafka::getBootstrapServers;
    }

    Postgres postgres() {
        return Postgres.at(postgres.getHost(), postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                postgres.getUsername(), postgres.getPassword());
    }

    void stop() {
        kafka.stop();
        postgres.stop();
    }
}
