package org.canbao.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The tax bureau confirmed a contribution for a policy year. */
public record PaymentReceived(String personKey, String receiptId, int policyYear, int tier,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                              String channel, OffsetDateTime paidAt, String taxOffice, Instant recordedAt)
        implements CanbaoEvent {
    @Override
    public String subject() {
        return personKey;
    }
}
