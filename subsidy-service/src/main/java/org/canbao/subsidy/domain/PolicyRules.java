package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.canbao.platform.batch.InvalidInput;

/** The checks that keep a policy's benefit-start rules from contradicting each other or the window. */
final class PolicyRules {
    private PolicyRules() {
    }

    static void check(List<BenefitRule> rules, LocalDate windowCloses, BigDecimal fiscalShare) {
        for (int i = 0; i < rules.size(); i++) {
            BenefitRule rule = rules.get(i);
            String at = "benefitRules[" + i + "]";
            if (rule.start() == null) {
                throw new InvalidInput("policy.rule-start-missing", at + ".start");
            }
            if (rule.from() != null && rule.until() != null && rule.until().isBefore(rule.from())) {
                throw new InvalidInput("policy.rule-band-order", at + ".until", rule.from(), rule.until());
            }
            if (rule.from() != null && !rule.from().isAfter(windowCloses)) {
                throw new InvalidInput("policy.rule-in-window", at + ".from", rule.from(), windowCloses);
            }
            boolean waits = rule.start() == BenefitRule.Start.DAYS_AFTER_PAYMENT;
            if (waits && (rule.days() == null || rule.days() < 1)) {
                throw new InvalidInput("policy.rule-days-missing", at + ".days");
            }
            if (!waits && rule.days() != null) {
                throw new InvalidInput("policy.rule-days-unused", at + ".days", rule.start());
            }
            boolean newborns = rule.persons() == BenefitRule.Persons.NEWBORN || rule.except().contains(BenefitRule.Persons.NEWBORN);
            if (newborns && rule.newbornAge() == null) {
                throw new InvalidInput("policy.rule-newborn-age-missing", at + ".newbornAge");
            }
            // identity-verified carries the birth day of infants only (under a year on the roster's date)
            if (newborns && LocalDate.EPOCH.plus(rule.newbornAge()).isAfter(LocalDate.EPOCH.plusYears(1))) {
                throw new InvalidInput("policy.rule-newborn-age-over-a-year", at + ".newbornAge", rule.newbornAge());
            }
            if (rule.start() == BenefitRule.Start.FROM_BIRTH && rule.persons() != BenefitRule.Persons.NEWBORN) {
                throw new InvalidInput("policy.rule-start-persons", at + ".persons", rule.start(), BenefitRule.Persons.NEWBORN);
            }
            if (rule.start() == BenefitRule.Start.FROM_INTAKE && rule.persons() != BenefitRule.Persons.INTAKE) {
                throw new InvalidInput("policy.rule-start-persons", at + ".persons", rule.start(), BenefitRule.Persons.INTAKE);
            }
            if (!rule.except().isEmpty() && rule.start() != BenefitRule.Start.NO_ENROLLMENT) {
                throw new InvalidInput("policy.rule-except-refusal-only", at + ".except");
            }
            if (rule.except().contains(rule.persons())) {
                throw new InvalidInput("policy.rule-except-self", at + ".except", rule.persons());
            }
            if (rule.due() == BenefitRule.Due.FULL_FINANCING && fiscalShare == null) {
                throw new InvalidInput("policy.rule-fiscal-share-missing", at + ".due");
            }
            for (int j = 0; j < i; j++) {
                BenefitRule earlier = rules.get(j);
                if (earlier.persons() == rule.persons() && earlier.except().equals(rule.except()) && overlap(earlier, rule)
                        && !(earlier.start() == rule.start() && earlier.due() == rule.due()
                             && Objects.equals(earlier.days(), rule.days()))) {
                    throw new InvalidInput("policy.rules-overlap", at, "benefitRules[" + j + "]", rule.persons());
                }
            }
        }
    }

    private static boolean overlap(BenefitRule a, BenefitRule b) {
        return (a.until() == null || b.from() == null || !b.from().isAfter(a.until()))
                && (b.until() == null || a.from() == null || !a.from().isAfter(b.until()));
    }
}
