package org.canbao.subsidy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.canbao.contracts.EventCodec;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.persistence.PolicyEntity;
import org.canbao.subsidy.domain.PolicyDocument;

/** The policy years, as documents in the database and as domain policies. */
@ApplicationScoped
public class Policies {

    public List<Policy> all() {
        return PolicyEntity.<PolicyEntity>listAll().stream().map(Policies::toPolicy).toList();
    }

    public Optional<Policy> of(int year) {
        return document(year).map(d -> d.toPolicy(year));
    }

    public Optional<PolicyDocument> document(int year) {
        return PolicyEntity.<PolicyEntity>findByIdOptional(year).map(Policies::read);
    }

    /** Stores the year's policy; the document is checked first, so a bad one changes nothing. */
    @Transactional
    public Policy put(int year, PolicyDocument document) {
        Policy policy = document.toPolicy(year);
        PolicyEntity entity = PolicyEntity.<PolicyEntity>findByIdOptional(year).orElseGet(PolicyEntity::new);
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

    private static Policy toPolicy(PolicyEntity entity) {
        return read(entity).toPolicy(entity.policyYear);
    }

    private static PolicyDocument read(PolicyEntity entity) {
        try {
            return EventCodec.mapper().readValue(entity.document, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy " + entity.policyYear + " unreadable", e);
        }
    }
}
