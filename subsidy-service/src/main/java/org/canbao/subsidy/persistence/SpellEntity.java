package org.canbao.subsidy.persistence;

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
import org.canbao.subsidy.domain.CategorySpell;

@Entity
@Table(name = "category_spell")
public class SpellEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_spell_id_seq")
    @SequenceGenerator(name = "category_spell_id_seq", sequenceName = "category_spell_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "person_key")
    public String personKey;

    public String department;

    public String category;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The pooling region whose department recognised it; null when the feed named none. */
    public String region;

    public CategorySpell toSpell() {
        return new CategorySpell(category, department, validFrom, validUntil, region);
    }
}
