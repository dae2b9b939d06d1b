package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A policy year's document as the administrator put it. */
@Entity
@Table(name = "policy")
public class PolicyEntity extends PanacheEntityBase {
    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public String document;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
