package org.canbao.payment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import java.util.Set;
import java.util.stream.Collectors;
import org.canbao.payment.domain.PaymentConfirmation;
import org.canbao.payment.domain.PaymentRules;
import org.canbao.platform.batch.Flag;
import org.canbao.platform.config.CanbaoConfig;
import org.canbao.payment.persistence.Payment;
import org.canbao.payment.persistence.PaymentRows;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.batch.LineRejected;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.platform.metrics.BusinessMetrics;
import org.hibernate.Session;

/** Records confirmed payments once per receipt, each an event in the receipt's stream. */
@ApplicationScoped
public class PaymentService {
    private final EventStore store;
    private final Pseudonymizer pseudonymizer;
    private final PaymentRules rules;
    private final BusinessMetrics metrics;

    public PaymentService(EventStore store, Pseudonymizer pseudonymizer, CanbaoConfig config, BusinessMetrics metrics) {
        this.store = store;
        this.pseudonymizer = pseudonymizer;
        this.metrics = metrics;
        this.rules = new PaymentRules(config.payments().channels().orElse(Set.of()), config.payments().taxOffices().orElse(Set.of()));
    }

    /**
     * The same receipt may come by REST and by the stream at once: its lock makes the second one a duplicate. Every
     * line is read and checked before the receipts are locked, so other batches' writers wait only for the lookup
     * and the writes (at 4,000 lines a batch the locks are nearly all of them, and writers run one at a time).
     */
    @Transactional
    public BatchReport receive(BatchBody body) {
        BatchReport report = BatchReport.startingWith(body);
        Instant now = Instant.now();
        List<BatchReport.Read<PaymentRules.Checked>> read = report.read(body.lines(), line -> rules.read(line, now));
        List<String> receipts = read.stream().map(r -> r.value().confirmation().receiptId()).toList();
        store.lock(receipts.stream().map(Payment::stream).toList());
        Map<String, Payment> known = Payment.byReceipts(receipts);
        List<Payment> added = new ArrayList<>();
        report.eachRead(read, line -> {
            PaymentRules.Checked checked = line.value();
            PaymentConfirmation confirmation = checked.confirmation();
            Payment existing = known.get(confirmation.receiptId());
            if (existing != null) {
                if (!existing.fingerprint.equals(confirmation.fingerprint())) {
                    throw new LineRejected("receiptId", "payment.receipt-conflict", confirmation.receiptId());
                }
                report.duplicates++;
                return;
            }
            Payment payment = record(confirmation, checked.flags());
            known.put(confirmation.receiptId(), payment);
            added.add(payment);
            report.flagged.addAll(checked.flags());
            report.accepted++;
        });
        Payment.getEntityManager().unwrap(Session.class).doWork(c -> PaymentRows.insert(c, added));
        store.flush();
        return report;
    }

    private Payment record(PaymentConfirmation confirmation, List<Flag> flags) {
        Payment payment = new Payment();
        payment.receiptId = confirmation.receiptId();
        payment.personKey = pseudonymizer.personKey(confirmation.idNumber());
        payment.maskedId = confirmation.idNumber().masked();
        payment.policyYear = confirmation.policyYear();
        payment.tier = confirmation.tier();
        payment.amount = confirmation.amount();
        payment.channel = confirmation.channel();
        payment.paidAt = confirmation.paidAt();
        payment.taxOffice = confirmation.taxOffice();
        payment.fingerprint = confirmation.fingerprint();
        payment.flags = flags.isEmpty() ? null : flags.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        payment.recordedAt = Instant.now();
        store.append(Payment.stream(payment.receiptId), new PaymentReceived(payment.personKey, payment.receiptId,
                        payment.policyYear, payment.tier, payment.amount, payment.channel, payment.paidAt, payment.taxOffice,
                        payment.recordedAt),
                payment.flags == null ? Map.of("maskedId", payment.maskedId, "fingerprint", payment.fingerprint)
                        : Map.of("maskedId", payment.maskedId, "fingerprint", payment.fingerprint, "flags", payment.flags));
        metrics.paymentReceived(payment.channel);
        return payment;
    }

    public record Reversal(String receiptId, boolean reversed, boolean duplicate, OffsetDateTime reversedAt) {
    }

    /** Reverses a confirmed payment once; asking again answers as a duplicate. */
    @Transactional
    public Reversal reverse(String receiptId, OffsetDateTime reversedAt, String reason) {
        store.lock(List.of(Payment.stream(receiptId)));
        Payment payment = Payment.findById(receiptId);
        if (payment == null) {
            throw Refused.notFound("payment.unknown-receipt", receiptId);
        }
        if (payment.reversedAt != null) {
            return new Reversal(receiptId, true, true, payment.reversedAt);
        }
        payment.reversedAt = reversedAt != null ? reversedAt : OffsetDateTime.now(ZoneOffset.ofHours(8));
        payment.reversalReason = reason;
        store.append(Payment.stream(receiptId), new PaymentReversed(payment.personKey, receiptId, payment.policyYear,
                payment.amount, payment.reversedAt, reason, Instant.now()));
        store.flush();
        return new Reversal(receiptId, true, false, payment.reversedAt);
    }

    /** Accepted payments that need following up, oldest first. */
    public List<Payment> flagged(Integer policyYear) {
        return policyYear == null ? Payment.list("flags is not null order by recordedAt, receiptId")
                : Payment.list("flags is not null and policyYear = ?1 order by recordedAt, receiptId", policyYear);
    }
}
