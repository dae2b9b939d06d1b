package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A pooling region's policy document for a year, as the administrator put it. */
@Entity
@Table(name = "policy")
@IdClass(PolicyEntity.Key.class)
public class PolicyEntity extends PanacheEntityBase {
    public static class Key implements Serializable {
        public String region;
        public int policyYear;

        public Key() {
        }

        public Key(String region, int policyYear) {
            this.region = region;
            this.policyYear = policyYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policyYear == policyYear && Objects.equals(k.region, region);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, policyYear);
        }
    }

    @Id
    public String region;

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public String document;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
