package org.canbao.reporting.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The year's confirmed payments against the deployment's tax offices (Xiyan: "交至其他县税务局 … 迅速和镇工作人员联系"):
 * a payment to another office is an error to follow up, never dropped. A payment naming no office is counted apart,
 * since the tax systems need not say; with no office configured, nothing can be checked and nothing is flagged.
 */
public record Reconciliation(int policyYear, List<String> taxOffices, long payments, long toOtherOffices,
                             long withoutOffice, List<Flagged> flagged) {

    /** A payment not reversed, of a person living in {@code township}/{@code village}. */
    public record Payment(String receiptId, String township, String village, String taxOffice,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OffsetDateTime paidAt) {
    }

    public record Flagged(String receiptId, String township, String village, String taxOffice,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OffsetDateTime paidAt,
                          String reason) {
    }

    public static final String OTHER_TAX_OFFICE = "OTHER_TAX_OFFICE";

    public static Reconciliation of(int policyYear, List<String> taxOffices, List<Payment> payments) {
        List<String> offices = taxOffices == null ? List.of() : taxOffices;
        long without = payments.stream().filter(p -> p.taxOffice() == null || p.taxOffice().isBlank()).count();
        List<Flagged> flagged = offices.isEmpty() ? List.of() : payments.stream()
                .filter(p -> p.taxOffice() != null && !p.taxOffice().isBlank() && !offices.contains(p.taxOffice().trim()))
                .map(p -> new Flagged(p.receiptId(), p.township(), p.village(), p.taxOffice(), p.amount(), p.paidAt(),
                        OTHER_TAX_OFFICE))
                .toList();
        return new Reconciliation(policyYear, offices, payments.size(), flagged.size(), without, flagged);
    }
}
