package org.canbao.platform.persistence;

import java.io.Serializable;
import java.util.Objects;

/** The key of a row kept per pooling region and policy year (a campaign, a policy): an {@code @IdClass}. */
public class RegionYear implements Serializable {
    public String region;
    public int policyYear;

    public RegionYear() {
    }

    public RegionYear(String region, int policyYear) {
        this.region = region;
        this.policyYear = policyYear;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionYear k && k.policyYear == policyYear && Objects.equals(k.region, region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, policyYear);
    }
}
