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

    public UnitTarget toTarget() {
        return new UnitTarget(name, kind, target, ranked, parent);
    }

    public static List<UnitTarget> targetsOf(int policyYear) {
        return CampaignUnit.<CampaignUnit>list("policyYear = ?1 order by position", policyYear).stream()
                .map(CampaignUnit::toTarget).toList();
    }
}
