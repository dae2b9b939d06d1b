package org.canbao.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.canbao.platform.batch.BatchReport;

/**
 * What the campaign's supervisors count, as Prometheus counters on the management port: batch lines by endpoint,
 * source and outcome, payments by channel, entitlement changes by state. A count inside a transaction is added once
 * the transaction commits, so a batch that rolls back (and comes again) is counted once.
 */
@ApplicationScoped
public class BusinessMetrics {
    /** Values a free-text tag keeps before the rest are counted together, so a typo cannot grow the series without end. */
    static final int MAX_VALUES = 50;
    static final String OTHER = "other";
    private static final Object PENDING = new Object();

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();

    public BusinessMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /**
     * A batch's lines: {@code canbao_batch_lines_total{endpoint, source, outcome}} with outcome accepted, duplicate or
     * rejected; the endpoint without its query (a feed's date would make a series a day).
     */
    public void batch(String endpoint, String source, BatchReport report) {
        int query = endpoint.indexOf('?');
        Tags tags = Tags.of("endpoint", query < 0 ? endpoint : endpoint.substring(0, query), "source", source);
        add(counter("canbao.batch.lines", tags.and("outcome", "accepted"), "batch lines that took effect"), report.accepted);
        add(counter("canbao.batch.lines", tags.and("outcome", "duplicate"), "batch lines already in effect"), report.duplicates);
        add(counter("canbao.batch.lines", tags.and("outcome", "rejected"), "batch lines rejected"), report.rejected.size());
    }

    /** A payment recorded: {@code canbao_payments_received_total{channel}}. */
    public void paymentReceived(String channel) {
        String value = channel == null || channel.isBlank() ? "none" : channel;
        if (!channels.contains(value)) {
            if (channels.size() < MAX_VALUES) {
                channels.add(value);
            } else {
                value = OTHER;
            }
        }
        add(counter("canbao.payments.received", Tags.of("channel", value), "payments recorded"), 1);
    }

    /** An entitlement-changed event: {@code canbao_entitlements_changed_total{state}}, the state it changed to. */
    public void entitlementChanged(String state) {
        add(counter("canbao.entitlements.changed", Tags.of("state", state), "entitlements changed, by their new state"), 1);
    }

    private Counter counter(String name, Tags tags, String description) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    @SuppressWarnings("unchecked")
    private void add(Counter counter, double amount) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            counter.increment(amount);
            return;
        }
        Map<Counter, Double> pending = (Map<Counter, Double>) transactions.getResource(PENDING);
        if (pending == null) {
            Map<Counter, Double> counts = new HashMap<>();
            transactions.putResource(PENDING, counts);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        counts.forEach(Counter::increment);
                    }
                }
            });
            pending = counts;
        }
        pending.merge(counter, amount, Double::sum);
    }
}
