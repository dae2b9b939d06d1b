package org.canbao.subsidy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.canbao.subsidy.domain.Entitlement;

/** The entitlement last told to the other services. */
@Entity
@Table(name = "entitlement")
@IdClass(EntitlementEntity.Key.class)
public class EntitlementEntity extends PanacheEntityBase {
    public static class Key implements Serializable {
        public String personKey;
        public int policyYear;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policyYear == policyYear && Objects.equals(k.personKey, personKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personKey, policyYear);
        }
    }

    @Id
    @Column(name = "person_key")
    public String personKey;

    @Id
    @Column(name = "policy_year")
    public int policyYear;

    public int tier;

    public String state;

    public boolean hardship;

    public BigDecimal subsidy;

    @Column(name = "personal_due")
    public BigDecimal personalDue;

    public BigDecimal paid;

    @Column(name = "enrolled_at")
    public OffsetDateTime enrolledAt;

    @Column(name = "granting_category")
    public String grantingCategory;

    @Column(name = "retroactive_due")
    public BigDecimal retroactiveDue;

    @Column(name = "refund_due")
    public BigDecimal refundDue;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The pooling region whose policy decided it. */
    public String region;

    /** The event stream of a person's entitlement for a policy year in this service's store. */
    public static String stream(String personKey, int policyYear) {
        return "entitlement/" + personKey + "/" + policyYear;
    }

    /** What the ledger needs besides the published event, kept with it in the store. */
    public java.util.Map<String, Object> ledgerFacts() {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("grantingCategory", grantingCategory);
        facts.put("retroactiveDue", retroactiveDue);
        facts.put("refundDue", refundDue);
        facts.put("region", region);
        return facts;
    }

    public boolean matches(Entitlement e) {
        return tier == e.tier() && state.equals(e.state().name()) && hardship == e.hardship()
                && subsidy.compareTo(e.subsidy()) == 0 && personalDue.compareTo(e.personalDue()) == 0
                && paid.compareTo(e.paid()) == 0 && Objects.equals(grantingCategory, e.grantingCategory())
                && retroactiveDue.compareTo(e.retroactiveSubsidyDue()) == 0 && refundDue.compareTo(e.refundDue()) == 0
                && Objects.equals(enrolledAt == null ? null : enrolledAt.toInstant(),
                e.enrolledAt() == null ? null : e.enrolledAt().toInstant());
    }

    public void update(Entitlement e) {
        tier = e.tier();
        state = e.state().name();
        hardship = e.hardship();
        subsidy = e.subsidy();
        personalDue = e.personalDue();
        paid = e.paid();
        enrolledAt = e.enrolledAt();
        grantingCategory = e.grantingCategory();
        retroactiveDue = e.retroactiveSubsidyDue();
        refundDue = e.refundDue();
        updatedAt = Instant.now();
    }
}
