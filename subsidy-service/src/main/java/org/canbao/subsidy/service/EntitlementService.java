package org.canbao.subsidy.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.subsidy.domain.CategorySpell;
import org.canbao.subsidy.domain.Entitlement;
import org.canbao.subsidy.domain.Explanation;
import org.canbao.subsidy.domain.PaymentRecord;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.domain.PolicyBook;
import org.canbao.subsidy.domain.SubsidyDecision;
import org.canbao.subsidy.persistence.EntitlementEntity;
import org.canbao.subsidy.persistence.EntitlementRows;
import org.canbao.subsidy.persistence.PaymentEntity;
import org.canbao.subsidy.persistence.PersonRows;
import org.canbao.subsidy.persistence.ReversalEntity;
import org.canbao.subsidy.persistence.SpellEntity;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.platform.metrics.BusinessMetrics;
import org.canbao.platform.persistence.Chunked;
import org.hibernate.Session;

/**
 * Decides entitlements from the stored facts and tells the others when one changed. Works on batches of
 * persons with one query per table, since it runs inside the event consumers.
 */
@ApplicationScoped
public class EntitlementService {
    private final Policies policies;
    private final EventStore store;
    private final BusinessMetrics metrics;

    public EntitlementService(Policies policies, EventStore store, BusinessMetrics metrics) {
        this.policies = policies;
        this.store = store;
        this.metrics = metrics;
    }

    /** An entitlement with the rule and the facts that decided it. */
    public record Explained(Entitlement entitlement, Explanation explanation) {
    }

    /**
     * Live answer for one person, at a tier of the caller's choice. Reversed receipts do not count, but the
     * explanation lists them.
     */
    public Explained decide(PolicyBook.Chosen chosen, String personKey, Integer tier) {
        Policy policy = chosen.policy();
        List<Explanation.RecordedSpell> spells = SpellEntity.<SpellEntity>list("personKey", personKey).stream()
                .map(s -> new Explanation.RecordedSpell(s.toSpell(), s.recordedAt)).toList();
        List<PaymentEntity> rows = PaymentEntity.list("personKey = ?1 and policyYear = ?2", personKey, policy.year());
        Map<String, OffsetDateTime> reversals = new HashMap<>();
        if (!rows.isEmpty()) {
            ReversalEntity.<ReversalEntity>list("receiptId in ?1", rows.stream().map(p -> p.receiptId).toList())
                    .forEach(r -> reversals.put(r.receiptId, r.reversedAt));
        }
        List<PaymentRecord> payments = rows.stream().map(PaymentEntity::toRecord).toList();
        List<PaymentRecord> counted = payments.stream().filter(p -> !reversals.containsKey(p.receiptId())).toList();
        List<CategorySpell> facts = spells.stream().map(Explanation.RecordedSpell::spell).toList();
        Entitlement entitlement = SubsidyDecision.decide(policy, tier, facts, counted,
                PersonFacts.enrollee(PersonFacts.birthDatesOf(List.of(personKey)).get(personKey), facts, chosen, policies.book()));
        return new Explained(entitlement, Explanation.of(policy, tier, entitlement, spells, payments, reversals));
    }

    /**
     * In the caller's transaction: re-decides these persons for every policy year that concerns them (a payment,
     * a category counting that year, or an entitlement already told) and emits the changes.
     */
    public void refresh(Collection<String> personKeys) {
        PolicyBook book = policies.book();
        if (book.isEmpty() || personKeys.isEmpty()) {
            return;
        }
        Chunked.slices(new ArrayList<>(personKeys), keys -> refreshChunk(book, keys));
    }

    /** Re-decides everyone with facts, a chunk per transaction; after a policy changed. */
    public void refreshEveryone() {
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> SpellEntity.getEntityManager().createQuery(
                "select distinct s.personKey from SpellEntity s union select distinct p.personKey from PaymentEntity p",
                String.class).getResultList());
        Chunked.slices(keys, chunk -> QuarkusTransaction.requiringNew().run(() -> refresh(chunk)));
    }

    /**
     * Three consumers (status, payments, reversals) and a policy change may decide the same person at once:
     * each locks the persons before it reads their facts. The consumers took the same locks before their first
     * write (the inbox does), which the event store needs to keep each entitlement stream in transaction order.
     */
    private void refreshChunk(PolicyBook book, List<String> keys) {
        store.lock(keys);
        PersonRows rows = PersonFacts.read(keys);
        Map<String, Map<Integer, String>> regions = policies.regionsOfPlaces(rows.places());
        PersonFacts facts = PersonFacts.of(rows);
        Map<String, EntitlementEntity> known = new HashMap<>();
        rows.entitlements().forEach(e -> known.put(e.personKey + "/" + e.policyYear, e));
        List<EntitlementEntity> changed = new ArrayList<>();
        for (String key : keys) {
            for (int year : book.years()) {
                Optional<PolicyBook.Chosen> chosen = book.choose(regions.getOrDefault(key, Map.of()).get(year), year);
                if (chosen.isEmpty()) {
                    continue;
                }
                Policy policy = chosen.get().policy();
                List<PaymentRecord> paid = facts.paymentsOf(key, policy.year());
                List<CategorySpell> personSpells = facts.spellsOf(key);
                EntitlementEntity last = known.get(key + "/" + policy.year());
                if (last == null && paid.isEmpty() && personSpells.stream().noneMatch(s -> s.concerns(policy))) {
                    continue;
                }
                Entitlement entitlement = SubsidyDecision.decide(policy, null, personSpells, paid,
                        facts.enrolleeOf(key, chosen.get(), book));
                String region = chosen.get().region();
                if (last != null && last.matches(entitlement) && region.equals(last.region)) {
                    continue;
                }
                if (last == null) {
                    last = new EntitlementEntity();
                    last.personKey = key;
                    last.policyYear = policy.year();
                }
                last.update(entitlement);
                last.region = region;
                changed.add(last);
                store.append(EntitlementEntity.stream(key, policy.year()), new EntitlementChanged(key, policy.year(),
                        entitlement.tier(), entitlement.state().name(), entitlement.hardship(), entitlement.enrolledAt(),
                        entitlement.subsidy(), entitlement.personalDue(), entitlement.paid()), last.ledgerFacts());
                metrics.entitlementChanged(entitlement.state().name());
            }
        }
        EntitlementEntity.getEntityManager().unwrap(Session.class).doWork(c -> EntitlementRows.upsert(c, changed));
    }
}
