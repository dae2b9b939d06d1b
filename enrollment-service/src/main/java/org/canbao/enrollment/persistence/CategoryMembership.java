package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/** A department's recognition of a category for a person: valid from, until, and when we learned each. */
@Entity
@Table(name = "category_membership")
public class CategoryMembership extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_membership_id_seq")
    @SequenceGenerator(name = "category_membership_id_seq", sequenceName = "category_membership_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "id_number")
    public String idNumber;

    public String department;

    public String category;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The date of the latest list that recognised it again (a later year's), null when none did. */
    @Column(name = "recognised_on")
    public LocalDate recognisedOn;

    @Column(name = "ended_recorded_at")
    public Instant endedRecordedAt;

    /** The pooling region whose department recognised it (the feed's {@code region}); null when the feed named none. */
    public String region;

    /** When it was last recognised: added, or named again by a later year's list. */
    public LocalDate lastRecognised() {
        return recognisedOn != null ? recognisedOn : validFrom;
    }

    /**
     * A department's open memberships, read only: a feed changes few of its caseload, and each one it changes is made
     * {@link #modifiable} first (the rest keep no copy for the flush to compare).
     */
    public static List<CategoryMembership> openOf(String department) {
        return find("department = ?1 and validUntil is null", department)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** A membership read by {@link #openOf}, as one whose changes the flush writes. */
    public CategoryMembership modifiable() {
        getEntityManager().unwrap(Session.class).setReadOnly(this, false);
        return this;
    }

    public static List<CategoryMembership> historyOf(String idNumber) {
        return list("idNumber = ?1 order by validFrom, id", idNumber);
    }
}
