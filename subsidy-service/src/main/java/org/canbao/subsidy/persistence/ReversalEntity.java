package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A reversed receipt: its payment no longer counts. */
@Entity
@Table(name = "payment_reversal")
public class ReversalEntity extends PanacheEntityBase {
    @Id
    @Column(name = "receipt_id")
    public String receiptId;

    @Column(name = "person_key")
    public String personKey;

    @Column(name = "reversed_at")
    public OffsetDateTime reversedAt;
}
