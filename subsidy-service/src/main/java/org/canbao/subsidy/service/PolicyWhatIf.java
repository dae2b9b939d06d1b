package org.canbao.subsidy.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.persistence.Chunked;
import org.canbao.subsidy.domain.Entitlement;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.domain.PolicyBook;
import org.canbao.subsidy.domain.PolicyDocument;
import org.canbao.subsidy.domain.SubsidyDecision;
import org.canbao.subsidy.domain.WhatIf;
import org.canbao.subsidy.persistence.PersonRows;
import org.canbao.subsidy.persistence.PersonUnitEntity;

/**
 * Decides a region's persons under its policy in force and under a changed one, and changes nothing: the answer of
 * {@code POST …/policies/{year}/what-if}. Persons are read a chunk at a time, one query per table.
 */
@ApplicationScoped
public class PolicyWhatIf {
    private final Policies policies;
    private final EntityManager em;

    public PolicyWhatIf(Policies policies, EntityManager em) {
        this.policies = policies;
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public WhatIf.Answer of(String region, int year, PolicyDocument changed) {
        Policy proposed = changed.toPolicy(year);
        PolicyBook now = policies.book();
        if (now.choose(region, year).isEmpty()) {
            throw Refused.notFound("region.policy-none", region, year);
        }
        PolicyBook then = now.with(region, proposed);
        List<String> keys = em.createNativeQuery("select person_key from category_spell union "
                + "select person_key from payment where policy_year = :year order by 1").setParameter("year", year).getResultList();
        WhatIf whatIf = new WhatIf();
        Chunked.slices(keys, chunk -> {
            PersonRows rows = PersonFacts.read(chunk);
            PersonFacts facts = PersonFacts.of(rows);
            Map<String, Map<Integer, String>> regions = policies.regionsOfPlaces(rows.places());
            Map<String, PersonUnitEntity> places = new HashMap<>();
            rows.places().forEach(p -> places.put(p.personKey, p));
            for (String key : chunk) {
                String own = regions.getOrDefault(key, Map.of()).get(year);
                Optional<PolicyBook.Chosen> before = now.choose(own, year);
                if (before.isEmpty() || !before.get().region().equals(region)) {
                    continue;
                }
                PolicyBook.Chosen afterChosen = then.choose(own, year).orElseThrow();
                Policy after = afterChosen.policy();
                if (facts.paymentsOf(key, year).isEmpty() && facts.spellsOf(key).stream()
                        .noneMatch(s -> s.concerns(before.get().policy()) || s.concerns(after))) {
                    continue;
                }
                Entitlement was = SubsidyDecision.decide(before.get().policy(), null, facts.spellsOf(key), facts.paymentsOf(key, year),
                        facts.enrolleeOf(key, before.get(), now));
                Entitlement will = SubsidyDecision.decide(after, null, facts.spellsOf(key), facts.paymentsOf(key, year),
                        facts.enrolleeOf(key, afterChosen, then));
                PersonUnitEntity place = places.get(key);
                whatIf.add(new WhatIf.Person(place == null ? null : place.maskedId, place == null ? null : place.township,
                        place == null ? null : place.village, was, will));
            }
            em.clear();
        });
        return whatIf.answer(year, region);
    }
}
