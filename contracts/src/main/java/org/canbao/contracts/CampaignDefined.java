package org.canbao.contracts;

import java.util.List;

/**
 * A pooling region's campaign for a policy year was defined with these units; services that check unit names, or
 * need a person's pooling region, learn them here. {@code region} is the campaign's pooling region and each unit's
 * {@code region} the one it belongs to (its own, an ancestor's or the campaign's); both are null in events written
 * before regions existed, which belong to the deployment's default region.
 */
public record CampaignDefined(int policyYear, List<Unit> units, String region) implements CanbaoEvent {
    public record Unit(String name, String kind, long target, String parent, String region) {
        public Unit(String name, String kind, long target) {
            this(name, kind, target, null, null);
        }
    }

    public CampaignDefined(int policyYear, List<Unit> units) {
        this(policyYear, units, null);
    }

    /** The default region's campaign keeps the subject it always had, so its stream goes on where it was. */
    @Override
    public String subject() {
        return region == null ? "campaign-" + policyYear : "campaign-" + region + "-" + policyYear;
    }
}
