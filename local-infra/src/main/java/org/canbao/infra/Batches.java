package org.canbao.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** One batch exactly as the Kafka connector hands it to a consumer method: the values in order, on partition 0. */
public final class Batches {
    private Batches() {
    }

    public static ConsumerRecords<String, String> of(String topic, List<String> values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            records.add(new ConsumerRecord<>(topic, 0, i, null, values.get(i)));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(topic, 0), records), Map.of());
    }
}
