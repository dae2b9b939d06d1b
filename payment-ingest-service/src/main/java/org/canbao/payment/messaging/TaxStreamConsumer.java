package org.canbao.payment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.payment.service.PaymentService;
import org.canbao.platform.audit.BatchAudit;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.batch.Rejection;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.platform.inbox.ConsumerBatches;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Payment confirmations streamed by tax systems: the same rules as the REST batch. A bad record is never
 * lost: it goes to {@code tax.payment-confirmations.rejected} with where it was, the field and the reason,
 * in the same transaction as the good records of its batch. Receipt ids make redelivery harmless.
 */
@ApplicationScoped
public class TaxStreamConsumer {
    static final String TOPIC = "tax.payment-confirmations";
    static final String REJECTED = TOPIC + ".rejected";

    private final PaymentService payments;
    private final EventStore store;
    private final ConsumerBatches batches;
    private final BatchAudit audit;

    public TaxStreamConsumer(PaymentService payments, EventStore store, ConsumerBatches batches, BatchAudit audit) {
        this.audit = audit;
        this.payments = payments;
        this.store = store;
        this.batches = batches;
    }

    @Incoming("tax-confirmations")
    @Blocking
    public void onConfirmations(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        batch.forEach(records::add);
        batches.apply(TOPIC, records, r -> IdNumber.scrub(String.valueOf(r.value())), this::receive);
    }

    private void receive(List<ConsumerRecord<String, String>> records) {
        List<String> values = records.stream().map(ConsumerRecord::value).toList();
        BatchReport report = payments.receive(BatchBody.ofJsonRecords(values));
        audit.record("tax-stream", TOPIC, "application/json", String.join("\n", values.stream().map(String::valueOf).toList())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), report);
        for (Rejection rejection : report.rejected) {
            ConsumerRecord<String, String> record = records.get(rejection.line() - 1);
            Map<String, Object> reject = new LinkedHashMap<>();
            reject.put("partition", record.partition());
            reject.put("offset", record.offset());
            reject.put("field", rejection.field());
            // no caller to ask for a language: the clerks' Chinese, and the code for machines
            reject.put("code", rejection.code());
            reject.put("reason", rejection.reason());
            if (rejection.errors() != null) {
                reject.put("errors", rejection.errors());
            }
            reject.put("record", record.value() == null ? null : IdNumber.scrub(record.value()));
            String where = record.partition() + "-" + record.offset();
            store.appendRecord("rejected/" + where, REJECTED, where, json(reject));
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rejection not serialisable", e);
        }
    }
}
