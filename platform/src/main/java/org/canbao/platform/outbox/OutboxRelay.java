package org.canbao.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canbao.contracts.EventEnvelope;
import org.canbao.platform.config.CanbaoConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka in id order on one worker thread, a batch per transaction: the rows are deleted only
 * after the broker acknowledged every record of the batch, so an event is sent at least once and never lost.
 * Consumers discard the duplicates a crash between send and delete can cause.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH =
            "select * from outbox_event order by id limit :limit for update skip locked";

    private final EntityManager em;
    private final CanbaoConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopping;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
    MutinyEmitter<String> emitter;

    public OutboxRelay(EntityManager em, CanbaoConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Asks for a drain soon; many asks while one is pending make one drain. */
    public void kick() {
        if (!stopping && pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /**
     * Sends everything committed so far before returning, for the rare write whose caller must find its event
     * on the bus at once (a campaign definition that other services check input against).
     */
    public void flush() {
        try {
            worker.submit(this::drain).get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("outbox flush incomplete, the relay will go on: %s", e.getMessage());
        }
    }

    /** The backstop for events whose kick was lost (a crash, a relay paused by a broker outage). */
    @Scheduled(every = "${canbao.outbox.poll-interval:1s}", delayed = "5s")
    void poll() {
        kick();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdown();
    }

    private void drain() {
        pending.set(false);
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == config.outbox().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    int relayBatch() {
        List<OutboxEvent> batch = em.createNativeQuery(SELECT_BATCH, OutboxEvent.class)
                .setParameter("limit", config.outbox().batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        Uni.join().all(sends).andFailFast().await().atMost(config.outbox().sendTimeout());
        em.createNativeQuery("delete from outbox_event where id = any(:ids)")
                .setParameter("ids", batch.stream().map(e -> e.id).toArray(Long[]::new))
                .executeUpdate();
        return batch.size();
    }

    private Uni<Void> send(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.recordKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(metadata));
    }
}
