package org.canbao.subsidy.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.canbao.platform.batch.Refused;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.canbao.subsidy.domain.PolicyDocument;

/**
 * The subsidy ledger finance needs to transfer money into the fund: subsidies of enrolled persons by category
 * and by funding source (each person's subsidy counted once, under the one category that granted it), the
 * subsidies still pending payment of the personal share, and what is owed back to persons.
 */
@ApplicationScoped
public class Ledger {
    public record Sum(long persons, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
        Sum plus(Sum other) {
            return new Sum(persons + other.persons, amount.add(other.amount));
        }
    }

    public record CategoryLine(String category, String fundingSource, long persons,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subsidy) {
    }

    public record LedgerView(int policyYear, String region, List<CategoryLine> byCategory, Map<String, Sum> byFundingSource,
                             Sum enrolledSubsidies, Sum pendingSubsidies, Sum retroactiveSubsidiesDue, Sum refundsDue) {
    }

    private static final String ENROLLED = "state in ('PAID', 'ZERO_PAYMENT', 'OVERPAID')";

    private final EntityManager em;
    private final Policies policies;

    public Ledger(EntityManager em, Policies policies) {
        this.em = em;
        this.policies = policies;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public LedgerView of(String region, int year) {
        PolicyDocument document = policies.document(region, year)
                .orElseThrow(() -> Refused.notFound("region.policy-none", region, year));
        List<Object[]> rows = em.createNativeQuery("select granting_category, count(*), sum(subsidy) from entitlement "
                        + "where policy_year = :year and region = :region and granting_category is not null and " + ENROLLED
                        + " group by granting_category order by granting_category")
                .setParameter("year", year).setParameter("region", region).getResultList();
        List<CategoryLine> byCategory = rows.stream().map(r -> new CategoryLine((String) r[0],
                document.fundingSource((String) r[0]), ((Number) r[1]).longValue(), (BigDecimal) r[2])).toList();
        Map<String, Sum> byFunding = new TreeMap<>();
        byCategory.forEach(c -> byFunding.merge(c.fundingSource(), new Sum(c.persons(), c.subsidy()), Sum::plus));
        Sum enrolled = byCategory.stream().map(c -> new Sum(c.persons(), c.subsidy()))
                .reduce(new Sum(0, BigDecimal.ZERO.setScale(2)), Sum::plus);
        return new LedgerView(year, region, byCategory, byFunding, enrolled,
                sum("count(*), coalesce(sum(subsidy), 0)", "granting_category is not null and not " + ENROLLED, region, year),
                sum("count(*), coalesce(sum(retroactive_due), 0)", "retroactive_due > 0", region, year),
                sum("count(*), coalesce(sum(refund_due), 0)", "refund_due > 0", region, year));
    }

    private Sum sum(String select, String where, String region, int year) {
        Object[] row = (Object[]) em.createNativeQuery("select " + select
                        + " from entitlement where policy_year = :year and region = :region and " + where)
                .setParameter("year", year).setParameter("region", region).getSingleResult();
        return new Sum(((Number) row[0]).longValue(), ((BigDecimal) row[1]).setScale(2));
    }
}
