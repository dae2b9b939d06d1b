package org.canbao.reporting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A policy year's campaign document: checkpoints, award and incentive rules, as the administrator put them. */
@Entity
public class Campaign extends PanacheEntityBase {
    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public String document;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The event stream of a policy year's campaign in this service's store: each definition, in order. */
    public static String stream(int policyYear) {
        return "campaign/" + policyYear;
    }
}
