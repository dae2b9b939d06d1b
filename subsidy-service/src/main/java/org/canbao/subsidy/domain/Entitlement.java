package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a person owes and has for a policy year. {@code enrolledAt} is the business time they became
 * enrolled (paid their due in full, or zero-payment), null while they are not. {@code grantingCategory} is the
 * one category whose subsidy applies (null without one), so each subsidy is funded once.
 */
public record Entitlement(int tier, BigDecimal contribution, BigDecimal subsidy, BigDecimal personalDue,
                          BigDecimal paid, State state, LocalDate coveredFrom, List<String> categories,
                          String decision, BigDecimal refundDue, BigDecimal retroactiveSubsidyDue,
                          OffsetDateTime enrolledAt, String grantingCategory) {
    public enum State { UNPAID, PAID, ZERO_PAYMENT, UNDERPAID, OVERPAID }

    public boolean enrolled() {
        return enrolledAt != null;
    }

    public boolean hardship() {
        return !categories.isEmpty();
    }
}
