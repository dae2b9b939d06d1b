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
import org.canbao.platform.batch.LineChecks;
import org.canbao.platform.batch.Flag;
import org.canbao.platform.i18n.Message;

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

    /** Every bad field of the line is reported at once ({@link LineChecks}), not only the first. */
    public Checked read(BatchLine line, Instant now) {
        LineChecks checks = new LineChecks();
        String receiptId = checks.read(() -> line.required("receiptId"));
        if (receiptId != null) {
            checks.require(RECEIPT.matcher(receiptId).matches(), "receiptId", "payment.receipt-id-format");
        }
        var idNumber = checks.read(() -> line.idNumber("idNumber"));
        Integer policyYear = checks.read(() -> line.integer("policyYear", null));
        boolean plausibleYear = policyYear != null && policyYear >= 2000 && policyYear <= 2100;
        if (policyYear != null) {
            checks.require(plausibleYear, "policyYear", "field.implausible-year", Message.field("policyYear"), policyYear);
        }
        var amount = checks.read(() -> line.money("amount"));
        String channel = checks.read(() -> line.required("channel"));
        if (channel != null) {
            checks.require(NAME.matcher(channel).matches(), "channel", "payment.channel-format");
        }
        OffsetDateTime paidAt = checks.read(() -> line.instant("paidAt"));
        if (paidAt != null) {
            checks.require(!paidAt.toInstant().isAfter(now.plus(CLOCK_SKEW)), "paidAt", "payment.paid-in-future", paidAt);
            LocalDate day = paidAt.atZoneSameInstant(SHANGHAI).toLocalDate();
            if (plausibleYear) {
                checks.require(day.getYear() >= policyYear - 1, "paidAt", "payment.paid-before-collection", day, policyYear, policyYear - 1);
                checks.require(day.getYear() <= policyYear, "paidAt", "payment.paid-after-year", day, policyYear);
            }
        }
        Integer tier = checks.read(() -> line.integer("tier", 1));
        if (tier != null) {
            checks.require(tier >= 1, "tier", "payment.tier-below-one");
        }
        String taxOffice = line.optional("taxOffice");
        checks.require(taxOffice == null || taxOffice.length() <= 64, "taxOffice", "field.too-long", Message.field("taxOffice"), 64);
        checks.done();
        List<Flag> flags = new ArrayList<>();
        if (!channels.isEmpty() && !channels.contains(channel.toUpperCase(Locale.ROOT))) {
            flags.add(new Flag(line.number(), "channel", Message.of("payment.channel-unlisted", channel)));
        }
        if (taxOffice != null && !taxOffices.isEmpty() && !taxOffices.contains(taxOffice)) {
            flags.add(new Flag(line.number(), "taxOffice", Message.of("payment.tax-office-elsewhere", taxOffice)));
        }
        return new Checked(new PaymentConfirmation(receiptId, idNumber, policyYear, amount, channel, paidAt, tier, taxOffice),
                List.copyOf(flags));
    }
}
