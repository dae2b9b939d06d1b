package org.canbao.subsidy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.canbao.contracts.EventCodec;
import org.canbao.platform.config.CanbaoConfig;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.domain.PolicyBook;
import org.canbao.subsidy.domain.PolicyDocument;
import org.canbao.subsidy.domain.UnitRegions;
import org.canbao.subsidy.persistence.PersonUnitEntity;
import org.canbao.subsidy.persistence.PolicyEntity;
import org.canbao.subsidy.persistence.UnitRegionEntity;
import org.canbao.platform.persistence.RegionYear;

/** Each pooling region's policy years, as documents in the database and as domain policies; and persons' regions. */
@ApplicationScoped
public class Policies {
    private final String defaultRegion;

    public Policies(CanbaoConfig config) {
        this.defaultRegion = config.defaultRegion();
    }

    public PolicyBook book() {
        Map<String, Map<Integer, Policy>> regions = new HashMap<>();
        PolicyEntity.<PolicyEntity>listAll().forEach(e -> regions.computeIfAbsent(e.region, r -> new HashMap<>())
                .put(e.policyYear, read(e).toPolicy(e.policyYear)));
        return new PolicyBook(defaultRegion, regions);
    }

    public Optional<Policy> of(String region, int year) {
        return document(region, year).map(d -> d.toPolicy(year));
    }

    public Optional<PolicyDocument> document(String region, int year) {
        return PolicyEntity.<PolicyEntity>findByIdOptional(new RegionYear(region, year)).map(Policies::read);
    }

    /** The policy that decides this person's year, and its region (see {@link PolicyBook#choose}). */
    public Optional<PolicyBook.Chosen> forPerson(String personKey, int year) {
        return book().choose(regionsOf(List.of(personKey)).getOrDefault(personKey, Map.of()).get(year), year);
    }

    /** Each person's region by policy year, for the years some campaign placed their unit. */
    public Map<String, Map<Integer, String>> regionsOf(Collection<String> personKeys) {
        return regionsOfPlaces(PersonUnitEntity.list("personKey in ?1", personKeys));
    }

    /** The same, from the persons' places already read. */
    public Map<String, Map<Integer, String>> regionsOfPlaces(List<PersonUnitEntity> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        List<String> names = units.stream().flatMap(u -> java.util.stream.Stream.of(u.township, u.village))
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Integer, Map<String, String>> byYear = new HashMap<>();
        UnitRegionEntity.<UnitRegionEntity>list("unit in ?1", names)
                .forEach(u -> byYear.computeIfAbsent(u.policyYear, y -> new HashMap<>()).put(u.unit, u.region));
        UnitRegions regions = new UnitRegions(byYear);
        List<Integer> years = byYear.keySet().stream().toList();
        return units.stream().collect(Collectors.toMap(u -> u.personKey, u -> {
            Map<Integer, String> own = new HashMap<>();
            years.forEach(y -> {
                String region = regions.regionOf(y, u.township, u.village);
                if (region != null) {
                    own.put(y, region);
                }
            });
            return own;
        }));
    }

    /** Stores the region's policy for the year; the document is checked first, so a bad one changes nothing. */
    @Transactional
    public Policy put(String region, int year, PolicyDocument document) {
        Policy policy = document.toPolicy(year);
        PolicyEntity entity = PolicyEntity.<PolicyEntity>findByIdOptional(new RegionYear(region, year))
                .orElseGet(PolicyEntity::new);
        entity.region = region;
        entity.policyYear = year;
        try {
            entity.document = EventCodec.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy document not serialisable", e);
        }
        entity.updatedAt = Instant.now();
        entity.persist();
        return policy;
    }

    private static PolicyDocument read(PolicyEntity entity) {
        try {
            return EventCodec.mapper().readValue(entity.document, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy " + entity.region + "/" + entity.policyYear + " unreadable", e);
        }
    }
}
