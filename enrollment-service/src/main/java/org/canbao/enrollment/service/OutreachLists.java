package org.canbao.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.canbao.contracts.CategoryNames;
import org.canbao.contracts.IdNumber;
import org.canbao.enrollment.domain.Outreach;
import org.canbao.enrollment.domain.RosterLine;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.security.CallerScope;

/** The outreach list of a township or village: the active residents not yet enrolled for a year (see {@link Outreach}). */
@ApplicationScoped
public class OutreachLists {
    private static final String PERSONS = """
            select r.name, r.id_number, r.household_id, r.township, r.village, c.state, c.hardship, c.personal_due, c.paid,
                   (select string_agg(m.category, ',' order by m.category) from category_membership m
                     where m.id_number = r.id_number and m.valid_until is null) as categories
              from resident r
              left join coverage c on c.person_key = r.person_key and c.policy_year = ?1
             where (r.township = ?2 or r.village = ?2) and r.status = ?3
               and not exists (select 1 from exclusion x where x.id_number = r.id_number and x.policy_year = ?1)
            """;

    private final EntityManager em;
    private final CallerScope scope;

    public OutreachLists(EntityManager em, CallerScope scope) {
        this.em = em;
        this.scope = scope;
    }

    /** The list as the caller may see it: their own unit when they name none, and only units within their scope. */
    public OutreachList of(int policyYear, String unit) {
        String named = unit == null || unit.isBlank() ? scope.unit().orElseThrow(() -> new InvalidInput("outreach.unit-required")) : unit;
        String township = townshipOf(named);
        if (!scope.sees(township, named)) {
            throw Refused.forbidden("scope.outside", named, scope.unit().orElse(""));
        }
        List<Outreach.Person> persons = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PERSONS)
                .setParameter(1, policyYear)
                .setParameter(2, named)
                .setParameter(3, RosterLine.ResidentStatus.ACTIVE.name())
                .getResultList();
        for (Object[] row : rows) {
            String state = (String) row[5];
            if (!Outreach.toVisit(state)) {
                continue;
            }
            List<String> categories = row[9] == null ? List.of()
                    : Arrays.stream(((String) row[9]).split(",")).map(CategoryNames::chinese).toList();
            boolean hardship = row[6] != null ? (Boolean) row[6] : !categories.isEmpty();
            persons.add(new Outreach.Person((String) row[0], IdNumber.scrub((String) row[1]),
                    IdNumber.scrub((String) row[2]), (String) row[3], (String) row[4], hardship, categories, state,
                    Outreach.owes((BigDecimal) row[7], (BigDecimal) row[8])));
        }
        persons.sort(Outreach.ORDER);
        long hardship = persons.stream().filter(Outreach.Person::hardship).count();
        return new OutreachList(policyYear, named, persons.size(), hardship, persons);
    }

    /** The township a unit lies in: itself for a township, the residents' township for a village. */
    private String townshipOf(String unit) {
        @SuppressWarnings("unchecked")
        List<Object[]> places = em.createNativeQuery(
                        "select distinct township, village from resident where township = ?1 or village = ?1")
                .setParameter(1, unit).setMaxResults(2).getResultList();
        if (places.isEmpty()) {
            throw Refused.notFound("outreach.nobody-lives", unit);
        }
        return unit.equals(places.get(0)[1]) ? (String) places.get(0)[0] : unit;
    }

    /** A unit's list: how many to visit, how many of them are hardship persons, and who. */
    public record OutreachList(int policyYear, String unit, int persons, long hardshipPersons,
                               List<Outreach.Person> list) {
    }
}
