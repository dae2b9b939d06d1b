package org.canbao.contracts;

import java.time.Instant;

/** The medical insurance bureau excluded a person from a policy year's campaign (employee-insured, elsewhere, ...). */
public record PersonExcluded(String personKey, int policyYear, String reason, Instant recordedAt) implements CanbaoEvent {
    @Override
    public String subject() {
        return personKey;
    }
}
