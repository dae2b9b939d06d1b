package org.canbao.contracts;

import java.util.List;

/** A policy year's campaign was defined with these units; services that check unit names learn them here. */
public record CampaignDefined(int policyYear, List<Unit> units) implements CanbaoEvent {
    public record Unit(String name, String kind, long target) {
    }

    @Override
    public String subject() {
        return "campaign-" + policyYear;
    }
}
