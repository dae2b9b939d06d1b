package org.canbao.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The tax bureau reversed a confirmed payment; it no longer counts towards the person's due. */
public record PaymentReversed(String personKey, String receiptId, int policyYear,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                              OffsetDateTime reversedAt, String reason, Instant recordedAt) implements CanbaoEvent {
    @Override
    public String subject() {
        return personKey;
    }
}
