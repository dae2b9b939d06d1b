package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A contribution the tax bureau confirmed for the policy year. */
public record PaymentRecord(String receiptId, int tier, BigDecimal amount, OffsetDateTime paidAt) {
}
