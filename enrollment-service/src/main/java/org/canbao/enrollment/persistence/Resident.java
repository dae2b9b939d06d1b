package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.canbao.platform.persistence.Chunked;

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

    /** Loads many residents with few statements, for batch work. */
    public static Map<String, Resident> byIdNumbers(Collection<String> idNumbers) {
        return Chunked.byKey(idNumbers, chunk -> Resident.<Resident>list("idNumber in ?1", chunk), r -> r.idNumber);
    }
}
