package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The pooling region a campaign unit belongs to in a policy year, as the last campaign-defined event said. */
@Entity
@Table(name = "unit_region")
@IdClass(UnitRegionEntity.Key.class)
public class UnitRegionEntity extends PanacheEntityBase {
    public static class Key implements Serializable {
        public int policyYear;
        public String unit;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policyYear == policyYear && Objects.equals(k.unit, unit);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyYear, unit);
        }
    }

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    @Id
    public String unit;

    public String region;
}
