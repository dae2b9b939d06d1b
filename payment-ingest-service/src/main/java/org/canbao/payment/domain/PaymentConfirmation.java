package org.canbao.payment.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.canbao.contracts.IdNumber;

/** A tax bureau's confirmation that a contribution was paid, as received. */
public record PaymentConfirmation(String receiptId, IdNumber idNumber, int policyYear, BigDecimal amount,
                                  String channel, OffsetDateTime paidAt, int tier, String taxOffice) {

    /** Same receipt and same content is a re-send; same receipt with another fingerprint is a conflict. */
    public String fingerprint() {
        String content = String.join("|", receiptId, idNumber.value(), String.valueOf(policyYear),
                amount.toPlainString(), channel, paidAt.toInstant().toString(), String.valueOf(tier),
                taxOffice == null ? "" : taxOffice);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
