package org.canbao.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A person's entitlement for a policy year changed. {@code enrolledAt} is the business time the person
 * became enrolled (paid in full, or zero-payment), or null while not enrolled.
 */
public record EntitlementChanged(String personKey, int policyYear, int tier, String state, boolean hardship,
                                 OffsetDateTime enrolledAt,
                                 @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subsidy,
                                 @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal personalDue,
                                 @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid)
        implements CanbaoEvent {
    @Override
    public String subject() {
        return personKey;
    }
}
