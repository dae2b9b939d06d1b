package org.canbao.subsidy.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canbao.subsidy.domain.CategorySpell;
import org.canbao.subsidy.domain.Enrollee;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.domain.PolicyBook;
import org.canbao.subsidy.domain.PaymentRecord;
import org.canbao.subsidy.persistence.PaymentEntity;
import org.canbao.subsidy.persistence.PersonRows;
import org.canbao.subsidy.persistence.PersonUnitEntity;
import org.canbao.subsidy.persistence.SpellEntity;
import org.hibernate.Session;

/**
 * The facts entitlements are decided from, for a chunk of persons, from their rows (one query per table, reversed
 * payments left out).
 */
record PersonFacts(Map<String, List<CategorySpell>> spells, Map<String, List<PaymentEntity>> payments,
                   Map<String, LocalDate> birthDates) {
    /** The rows of a chunk of persons, in the caller's transaction. */
    static PersonRows read(List<String> keys) {
        return SpellEntity.getEntityManager().unwrap(Session.class).doReturningWork(c -> PersonRows.read(c, keys));
    }

    static PersonFacts of(PersonRows rows) {
        return new PersonFacts(rows.spells(), rows.payments(), rows.places().stream().filter(p -> p.birthDate != null)
                .collect(Collectors.toMap(p -> p.personKey, p -> p.birthDate)));
    }

    /** The infants' birth dates (identity-verified carries no other). */
    static Map<String, LocalDate> birthDatesOf(List<String> keys) {
        return PersonUnitEntity.<PersonUnitEntity>list("personKey in ?1 and birthDate is not null", keys).stream()
                .collect(Collectors.toMap(p -> p.personKey, p -> p.birthDate));
    }

    /** The person as the chosen region's policy sees them, other regions' policies of the year at hand. */
    Enrollee enrolleeOf(String key, PolicyBook.Chosen chosen, PolicyBook book) {
        return enrollee(birthDates.get(key), spellsOf(key), chosen, book);
    }

    static Enrollee enrollee(LocalDate birthDate, List<CategorySpell> spells, PolicyBook.Chosen chosen, PolicyBook book) {
        Policy policy = chosen.policy();
        return Enrollee.of(birthDate, spells, policy, chosen.region(),
                region -> book.choose(region, policy.year()).map(PolicyBook.Chosen::policy));
    }

    List<CategorySpell> spellsOf(String key) {
        return spells.getOrDefault(key, List.of());
    }

    List<PaymentRecord> paymentsOf(String key, int year) {
        return payments.getOrDefault(key, List.of()).stream().filter(p -> p.policyYear == year)
                .map(PaymentEntity::toRecord).toList();
    }
}
