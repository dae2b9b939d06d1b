package org.canbao.infra;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to a topic in a test, as another service's relay would, and waits for the acknowledgement. */
public final class TopicWriter {
    private TopicWriter() {
    }

    /** A record's key and value. */
    public record Keyed(String key, String value) {
    }

    public static void send(String bootstrapServers, String topic, String key, String... values) {
        send(bootstrapServers, topic, java.util.Arrays.stream(values).map(v -> new Keyed(key, v)).toList());
    }

    /** Each record with its own key, in order. */
    public static void send(String bootstrapServers, String topic, List<Keyed> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Keyed record : records) {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value())).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        }
    }
}
