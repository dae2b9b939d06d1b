package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Where a person lives, as the last identity-verified event said: their pooling region follows from it. */
@Entity
@Table(name = "person_unit")
public class PersonUnitEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_key")
    public String personKey;

    /** The ID number as lists show it (430626********1234), for what-if answers. */
    @Column(name = "masked_id")
    public String maskedId;

    public String township;

    public String village;

    /** Only for an infant (identity-verified's {@code birthDate}): the newborn rules need the day. */
    @Column(name = "birth_date")
    public LocalDate birthDate;
}
