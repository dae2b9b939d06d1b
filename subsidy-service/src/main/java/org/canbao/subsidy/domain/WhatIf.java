package org.canbao.subsidy.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a changed policy would do to a region's persons, before anything is changed: each person decided under the
 * policy in force and under the changed one, from the same facts. Who gains or loses subsidy and by how much, by
 * category and by unit, the ledger's totals before and after, and the first persons who change.
 */
public final class WhatIf {
    /** Persons listed by name of change; a county's answer must stay readable. */
    public static final int LISTED = 1000;
    private static final String NO_CATEGORY = "NONE";

    public record Person(String maskedId, String township, String village, Entitlement before, Entitlement after) {
    }

    public record Change(String idNumber, String township, String village, String categoryBefore, String categoryAfter,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subsidyBefore,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subsidyAfter,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal personalDueBefore,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal personalDueAfter) {
    }

    /** Persons of a category or unit who would gain or lose subsidy, and the net change of their subsidies. */
    public record Group(String name, long gaining, long losing,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subsidyChange) {
        Group plus(Group other) {
            return new Group(name, gaining + other.gaining, losing + other.losing, subsidyChange.add(other.subsidyChange));
        }
    }

    public record Sum(long persons, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
        Sum plus(BigDecimal value) {
            return new Sum(persons + 1, amount.add(value));
        }
    }

    /** The ledger's totals (see the ledger endpoint) over the persons compared. */
    public record Totals(Sum enrolledSubsidies, Sum pendingSubsidies, Sum retroactiveSubsidiesDue, Sum refundsDue) {
        static Totals none() {
            Sum zero = new Sum(0, BigDecimal.ZERO.setScale(2));
            return new Totals(zero, zero, zero, zero);
        }

        Totals plus(Entitlement e) {
            boolean granted = e.grantingCategory() != null;
            return new Totals(granted && e.enrolled() ? enrolledSubsidies.plus(e.subsidy()) : enrolledSubsidies,
                    granted && !e.enrolled() ? pendingSubsidies.plus(e.subsidy()) : pendingSubsidies,
                    e.retroactiveSubsidyDue().signum() > 0 ? retroactiveSubsidiesDue.plus(e.retroactiveSubsidyDue()) : retroactiveSubsidiesDue,
                    e.refundDue().signum() > 0 ? refundsDue.plus(e.refundDue()) : refundsDue);
        }
    }

    public record Answer(int policyYear, String region, long persons, long gaining, long losing, long dueChanging,
                         Totals before, Totals after, List<Group> byCategory, List<Group> byUnit, List<Change> firstPersons) {
    }

    private long persons;
    private long gaining;
    private long losing;
    private long dueChanging;
    private Totals before = Totals.none();
    private Totals after = Totals.none();
    private final Map<String, Group> byCategory = new TreeMap<>();
    private final Map<String, Group> byUnit = new TreeMap<>();
    private final List<Change> listed = new ArrayList<>();

    public void add(Person person) {
        Entitlement was = person.before();
        Entitlement will = person.after();
        persons++;
        before = before.plus(was);
        after = after.plus(will);
        int direction = will.subsidy().compareTo(was.subsidy());
        boolean dueChanges = will.personalDue().compareTo(was.personalDue()) != 0;
        if (direction == 0 && !dueChanges) {
            return;
        }
        gaining += direction > 0 ? 1 : 0;
        losing += direction < 0 ? 1 : 0;
        dueChanging += dueChanges ? 1 : 0;
        BigDecimal change = will.subsidy().subtract(was.subsidy());
        String category = will.grantingCategory() != null ? will.grantingCategory()
                : was.grantingCategory() != null ? was.grantingCategory() : NO_CATEGORY;
        Group one = new Group("", direction > 0 ? 1 : 0, direction < 0 ? 1 : 0, change);
        byCategory.merge(category, new Group(category, one.gaining(), one.losing(), change), Group::plus);
        String unit = person.township() == null ? NO_CATEGORY : person.township();
        byUnit.merge(unit, new Group(unit, one.gaining(), one.losing(), change), Group::plus);
        if (listed.size() < LISTED) {
            listed.add(new Change(person.maskedId(), person.township(), person.village(), was.grantingCategory(),
                    will.grantingCategory(), was.subsidy(), will.subsidy(), was.personalDue(), will.personalDue()));
        }
    }

    public Answer answer(int policyYear, String region) {
        return new Answer(policyYear, region, persons, gaining, losing, dueChanging, before, after,
                List.copyOf(byCategory.values()), List.copyOf(byUnit.values()), List.copyOf(listed));
    }
}
