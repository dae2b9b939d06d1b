package org.canbao.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.Flag;
import org.canbao.platform.batch.LineRejected;

/**
 * What a confirmed payment line must be to be recorded, and what makes a recorded one worth a second look
 * (POLICY.md: a payment to another county's tax office, or through a channel the tax bureau does not list, is
 * flagged for follow-up, never lost).
 *
 * <p>Rejected: a receipt id or channel that is no identifier (too long, control characters, markup); a payment
 * dated in the future, before the collection of the policy year can have opened (1 January of the year before),
 * or after the policy year ended. Flagged: a channel not in {@code channels}, a tax office not in
 * {@code taxOffices}; either check is off while its list is empty.
 */
public record PaymentRules(Set<String> channels, Set<String> taxOffices) {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A clock on the tax side a little ahead of ours is not a payment from the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,32}");
    private static final Pattern RECEIPT = Pattern.compile("[\\p{L}\\p{N}_.:/\\-]{1,64}");

    public PaymentRules {
        channels = channels.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        taxOffices = Set.copyOf(taxOffices);
    }

    /** A line read and checked, with what about it needs following up. */
    public record Checked(PaymentConfirmation confirmation, List<Flag> flags) {
    }

    public Checked read(BatchLine line, Instant now) {
        String receiptId = line.required("receiptId");
        if (!RECEIPT.matcher(receiptId).matches()) {
            throw new LineRejected("receiptId", "receiptId must be 1 to 64 letters, digits or _ . : / -");
        }
        var idNumber = line.idNumber("idNumber");
        int policyYear = line.integer("policyYear", null);
        if (policyYear < 2000 || policyYear > 2100) {
            throw new LineRejected("policyYear", "policyYear " + policyYear + " is not a plausible year");
        }
        var amount = line.money("amount");
        String channel = line.required("channel");
        if (!NAME.matcher(channel).matches()) {
            throw new LineRejected("channel", "channel must be 1 to 32 letters, digits or _ . - (such as WECHAT)");
        }
        OffsetDateTime paidAt = line.instant("paidAt");
        if (paidAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new LineRejected("paidAt", "paidAt " + paidAt + " is in the future");
        }
        LocalDate day = paidAt.atZoneSameInstant(SHANGHAI).toLocalDate();
        if (day.getYear() < policyYear - 1) {
            throw new LineRejected("paidAt", "paidAt " + day + " is before any collection for policy year " + policyYear
                    + " (it opens in " + (policyYear - 1) + " at the earliest)");
        }
        if (day.getYear() > policyYear) {
            throw new LineRejected("paidAt", "paidAt " + day + " is after policy year " + policyYear + " ended");
        }
        int tier = line.integer("tier", 1);
        if (tier < 1) {
            throw new LineRejected("tier", "tier must be 1 or more");
        }
        String taxOffice = line.optional("taxOffice");
        if (taxOffice != null && taxOffice.length() > 64) {
            throw new LineRejected("taxOffice", "taxOffice is longer than 64 characters");
        }
        List<Flag> flags = new ArrayList<>();
        if (!channels.isEmpty() && !channels.contains(channel.toUpperCase(Locale.ROOT))) {
            flags.add(new Flag(line.number(), "channel", "channel " + channel + " is not on the tax bureau's list: follow up"));
        }
        if (taxOffice != null && !taxOffices.isEmpty() && !taxOffices.contains(taxOffice)) {
            flags.add(new Flag(line.number(), "taxOffice", "paid to " + taxOffice
                    + ", not a tax office of this pooling region: follow up (transfer or refund)"));
        }
        return new Checked(new PaymentConfirmation(receiptId, idNumber, policyYear, amount, channel, paidAt, tier, taxOffice),
                List.copyOf(flags));
    }
}
