package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.canbao.subsidy.domain.PaymentRecord;

@Entity
@Table(name = "payment")
public class PaymentEntity extends PanacheEntityBase {
    @Id
    @Column(name = "receipt_id")
    public String receiptId;

    @Column(name = "person_key")
    public String personKey;

    @Column(name = "policy_year")
    public int policyYear;

    public int tier;

    public BigDecimal amount;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public PaymentRecord toRecord() {
        return new PaymentRecord(receiptId, tier, amount, paidAt);
    }
}
