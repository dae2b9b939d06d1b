package org.canbao.reporting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.canbao.reporting.domain.UnitTarget;

@Entity
@Table(name = "campaign_unit")
@IdClass(CampaignUnit.Key.class)
public class CampaignUnit extends PanacheEntityBase {
    public static class Key implements Serializable {
        public int policyYear;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policyYear == policyYear && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyYear, name);
        }
    }

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    @Id
    public String name;

    public String kind;

    public Long target;

    public boolean ranked;

    public int position;

    public String parent;

    /** The pooling region whose campaign defined it; a unit belongs to one region's campaign in a year. */
    public String region;

    /** The table's eligible population, when it gives one. */
    public Long eligible;

    public UnitTarget toTarget() {
        return new UnitTarget(name, kind, target, ranked, parent, eligible);
    }

    public static List<UnitTarget> targetsOf(String region, int policyYear) {
        return CampaignUnit.<CampaignUnit>list("region = ?1 and policyYear = ?2 order by position", region, policyYear).stream()
                .map(CampaignUnit::toTarget).toList();
    }
}
