package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;
import org.canbao.enrollment.domain.Places;
import java.util.stream.Collectors;

/** A unit name some campaign defined; roster lines must name one once any campaign exists. */
@Entity
@Table(name = "known_unit")
public class KnownUnit extends PanacheEntityBase {
    @Id
    public String name;

    public String kind;

    @Column(name = "policy_year")
    public int policyYear;

    public String region;

    public String parent;

    /** Every known unit as the domain reads them. */
    public static List<Places.Place> places() {
        return KnownUnit.<KnownUnit>streamAll().map(u -> new Places.Place(u.name, u.kind, u.policyYear, u.region, u.parent))
                .toList();
    }

    public static Set<String> names() {
        return KnownUnit.<KnownUnit>streamAll().map(u -> u.name).collect(Collectors.toSet());
    }
}
