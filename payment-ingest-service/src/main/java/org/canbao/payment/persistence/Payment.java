package org.canbao.payment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.canbao.platform.persistence.Chunked;
import org.hibernate.jpa.HibernateHints;

/** A confirmed payment, stored once per receipt. */
@Entity
public class Payment extends PanacheEntityBase {
    @Id
    @Column(name = "receipt_id")
    public String receiptId;

    @Column(name = "person_key")
    public String personKey;

    @Column(name = "masked_id")
    public String maskedId;

    @Column(name = "policy_year")
    public int policyYear;

    public int tier;

    public BigDecimal amount;

    public String channel;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "tax_office")
    public String taxOffice;

    public String fingerprint;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "reversed_at")
    public OffsetDateTime reversedAt;

    @Column(name = "reversal_reason")
    public String reversalReason;

    /** What needs following up, "field: reason" joined by "; ", or null. */
    public String flags;

    /** The event stream of a receipt in this service's store: its confirmation, then its reversal if any. */
    public static String stream(String receiptId) {
        return "receipt/" + receiptId;
    }

    /** The receipts already stored, read only (written by {@link PaymentRows}, not by the flush). */
    @SuppressWarnings("unchecked")
    public static Map<String, Payment> byReceipts(Collection<String> receiptIds) {
        return Chunked.byKey(receiptIds, chunk -> (List<Payment>) getEntityManager().createNativeQuery(
                Chunked.probes("payment", "receipt_id"), Payment.class).setParameter(1, chunk.toArray(String[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList(), p -> p.receiptId);
    }
}
