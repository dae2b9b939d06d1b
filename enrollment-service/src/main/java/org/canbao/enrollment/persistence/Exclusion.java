package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person excluded from one policy year's campaign (employee-insured, enrolled elsewhere, ...). */
@Entity
@IdClass(Exclusion.Key.class)
public class Exclusion extends PanacheEntityBase {
    public static class Key implements Serializable {
        public String idNumber;
        public int policyYear;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policyYear == policyYear && Objects.equals(k.idNumber, idNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(idNumber, policyYear);
        }
    }

    @Id
    @Column(name = "id_number")
    public String idNumber;

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
