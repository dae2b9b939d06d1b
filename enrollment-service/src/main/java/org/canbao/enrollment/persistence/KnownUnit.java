package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
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

    public static Set<String> namesOfKinds(Set<String> kinds) {
        return KnownUnit.<KnownUnit>stream("kind in ?1", kinds).map(u -> u.name).collect(Collectors.toSet());
    }

    public static Set<String> names() {
        return KnownUnit.<KnownUnit>streamAll().map(u -> u.name).collect(Collectors.toSet());
    }
}
