package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.canbao.platform.persistence.RegionYear;

/** A pooling region's policy document for a year, as the administrator put it. */
@Entity
@Table(name = "policy")
@IdClass(RegionYear.class)
public class PolicyEntity extends PanacheEntityBase {
    @Id
    public String region;

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public String document;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
