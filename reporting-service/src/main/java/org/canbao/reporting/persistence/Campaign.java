package org.canbao.reporting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.time.Instant;
import org.canbao.platform.persistence.RegionYear;

/** A pooling region's campaign document for a policy year: checkpoints, award and incentive rules, as put. */
@Entity
@IdClass(RegionYear.class)
public class Campaign extends PanacheEntityBase {
    @Id
    public String region;

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public String document;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the region's campaign for the year was last put; empty when there is none (the epoch for rows of before). */
    public static java.util.Optional<Instant> updatedAt(String region, int policyYear) {
        java.util.List<Instant> found = getEntityManager().createQuery(
                        "select c.updatedAt from Campaign c where c.region = ?1 and c.policyYear = ?2", Instant.class)
                .setParameter(1, region).setParameter(2, policyYear).getResultList();
        return found.stream().findFirst().map(at -> at == null ? Instant.EPOCH : at);
    }

    /**
     * The event stream of a region's campaign for a year in this service's store: each definition, in order. The
     * default region's keeps the name it had before regions.
     */
    public static String stream(String region, boolean defaultRegion, int policyYear) {
        return defaultRegion ? "campaign/" + policyYear : "campaign/" + region + "/" + policyYear;
    }
}
