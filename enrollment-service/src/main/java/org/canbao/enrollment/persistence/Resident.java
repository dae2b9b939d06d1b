package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.canbao.platform.persistence.Chunked;
import org.hibernate.jpa.HibernateHints;

/** A person on the household roster, with the keyed pseudonym that stands for them everywhere else. */
@Entity
public class Resident extends PanacheEntityBase {
    @Id
    @Column(name = "id_number")
    public String idNumber;

    @Column(name = "person_key")
    public String personKey;

    public String name;

    @Column(name = "household_id")
    public String householdId;

    public String township;

    public String village;

    public String status;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The event stream of a person in this service's store: every roster, status and exclusion event about them. */
    public static String stream(String personKey) {
        return "person/" + personKey;
    }

    /** Who a feed's line names: an ID number's pseudonym and name, without an entity for the flush to check. */
    public record Named(String idNumber, String personKey, String name) {
    }

    /**
     * The same as {@link #byIdNumbers} as plain values, for work that changes no resident: a department's snapshot
     * names its whole caseload (at a county's scale, tens of thousands of entities and their flush copies before).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Named> namedByIdNumbers(Collection<String> idNumbers) {
        return Chunked.byKey(idNumbers, chunk -> ((List<Object[]>) getEntityManager().createNativeQuery(
                        "select r.id_number, r.person_key, r.name from (" + Chunked.probes("resident", "id_number") + ") r")
                .setParameter(1, chunk.toArray(String[]::new)).getResultList()).stream()
                .map(r -> new Named((String) r[0], (String) r[1], (String) r[2])).toList(), Named::idNumber);
    }

    /** Loads many residents with few statements, for batch work; read only (written by {@link ResidentRows}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Resident> byIdNumbers(Collection<String> idNumbers) {
        return Chunked.byKey(idNumbers, chunk -> (List<Resident>) getEntityManager().createNativeQuery(
                Chunked.probes("resident", "id_number"), Resident.class).setParameter(1, chunk.toArray(String[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList(), r -> r.idNumber);
    }
}
