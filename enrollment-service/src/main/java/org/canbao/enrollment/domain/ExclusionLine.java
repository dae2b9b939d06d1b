package org.canbao.enrollment.domain;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.LineChecks;
import org.canbao.platform.i18n.Message;

/** One exclusion as the medical insurance bureau sends it: a person left out of a policy year's campaign, and why. */
public record ExclusionLine(IdNumber idNumber, int policyYear, String reason) {
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** Every bad field of the line is reported at once ({@link LineChecks}); {@code reasons} are the codes allowed. */
    public static ExclusionLine read(BatchLine line, Set<String> reasons) {
        LineChecks checks = new LineChecks();
        IdNumber id = checks.read(() -> line.idNumber("idNumber"));
        Integer year = checks.read(() -> line.integer("policyYear", null));
        if (year != null) {
            checks.require(year >= FIRST_YEAR && year <= LAST_YEAR, "policyYear", "field.implausible-year",
                    Message.field("policyYear"), year);
        }
        String reason = checks.read(() -> line.required("reason"));
        if (reason != null) {
            reason = reason.toUpperCase(Locale.ROOT);
            boolean code = reason.matches("[A-Z][A-Z_]{2,39}");
            checks.require(reasons.contains(reason), "reason", code ? "exclusion.reason-unknown" : "exclusion.reason-not-code",
                    reason, String.join(", ", new TreeSet<>(reasons)));
        }
        checks.done();
        return new ExclusionLine(id, year, reason);
    }
}
