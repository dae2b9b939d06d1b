package org.canbao.enrollment.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A person on the household roster, with the keyed pseudonym that stands for them everywhere else. */
@Entity
public class Resident extends PanacheEntityBase {
    private static final int CHUNK = 1000;

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

    /** Loads many residents with few statements, for batch work. */
    public static Map<String, Resident> byIdNumbers(Collection<String> idNumbers) {
        Map<String, Resident> found = new HashMap<>();
        List<String> all = new ArrayList<>(idNumbers);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Resident.<Resident>list("idNumber in ?1", chunk).forEach(r -> found.put(r.idNumber, r));
        }
        return found;
    }
}
