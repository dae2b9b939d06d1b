package org.canbao.subsidy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.canbao.subsidy.domain.Explanation.CategoryLine;
import org.canbao.subsidy.domain.Explanation.PaymentLine;
import org.canbao.subsidy.domain.Explanation.RecordedSpell;
import org.canbao.subsidy.domain.SubsidyRule.Kind;
import org.junit.jupiter.api.Test;

/** What a county clerk reads about a decision: the rule, the spells looked at, the payments counted. */
class ExplanationTest {
    private static final Policy PINGJIANG_2023 = new Policy(2023, Map.of(1, money("350")), List.of(
            new SubsidyRule("EXTREME_POVERTY", null, Kind.FULL, null),
            new SubsidyRule("SEVERE_DISABILITY", null, Kind.FULL, null),
            new SubsidyRule("MINIMUM_LIVING", null, Kind.HALF, null)),
            LocalDate.of(2022, 9, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2022, 8, 31), LocalDate.of(2023, 1, 1));

    private static final Instant RECORDED = Instant.parse("2022-09-01T02:00:00Z");

    private static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(2);
    }

    private static RecordedSpell spell(String category, String department, String from, String until) {
        return new RecordedSpell(new CategorySpell(category, department, LocalDate.parse(from),
                until == null ? null : LocalDate.parse(until)), RECORDED);
    }

    private static PaymentRecord payment(String receiptId, String amount, String paidAt) {
        return new PaymentRecord(receiptId, 1, money(amount), OffsetDateTime.parse(paidAt));
    }

    /** Decides as the service does: reversed receipts left out of the decision, all of them given to the explanation. */
    private static Explanation explain(List<RecordedSpell> spells, List<PaymentRecord> payments,
                                       Map<String, OffsetDateTime> reversals) {
        List<PaymentRecord> counted = payments.stream().filter(p -> !reversals.containsKey(p.receiptId())).toList();
        Entitlement decided = SubsidyDecision.decide(PINGJIANG_2023, null,
                spells.stream().map(RecordedSpell::spell).toList(), counted);
        return Explanation.of(PINGJIANG_2023, null, decided, spells, payments, reversals);
    }

    @Test
    void aHardshipPersonIsToldWhichCategoryGrantedTheSubsidyAndWhenTheDueWasPaid() {
        Explanation x = explain(List.of(spell("MINIMUM_LIVING", "civil-affairs", "2022-08-31", null)),
                List.of(payment("R-101", "175.00", "2022-10-01T08:00:00+08:00")), Map.of());

        assertEquals("MINIMUM_LIVING (recognised by civil-affairs from 2022-08-31) counts for policy year 2023 and "
                + "grants half of the 350.00 contribution = 175.00 at tier 1; the personal due is the tier 1 "
                + "contribution 350.00 (the tier of the latest payment) minus the subsidy 175.00 = 175.00; "
                + "paid in full: 175.00 on 2022-10-01, so enrolled and covered from 2023-01-01.", x.rule());
        assertEquals(List.of(new CategoryLine("MINIMUM_LIVING", "civil-affairs", LocalDate.of(2022, 8, 31), null,
                RECORDED, true, true, "counts for policy year 2023 and grants the subsidy of 175.00 at tier 1")),
                x.categories());
        assertEquals(List.of(new PaymentLine("R-101", 1, money("175.00"),
                OffsetDateTime.parse("2022-10-01T08:00:00+08:00"), true, null)), x.payments());
    }

    @Test
    void aPersonWithoutACategoryOwesTheWholeContribution() {
        Explanation x = explain(List.of(), List.of(), Map.of());

        assertEquals("No subsidy: no hardship category is on record for this person; the personal due is the tier 1 "
                + "contribution 350.00 (the lowest tier, as no payment counts) minus the subsidy 0.00 = 350.00; "
                + "nothing is paid: 350.00 still owed, so not enrolled.", x.rule());
        assertTrue(x.categories().isEmpty());
        assertTrue(x.payments().isEmpty());
    }

    @Test
    void aCategoryEndedByTheBaseListDateIsListedAsNotCounting() {
        Explanation x = explain(List.of(spell("MINIMUM_LIVING", "civil-affairs", "2022-01-01", "2022-06-30")),
                List.of(payment("R-7", "100.00", "2022-09-20T10:00:00+08:00")), Map.of());

        assertTrue(x.rule().startsWith("No subsidy: no category counts for policy year 2023 (MINIMUM_LIVING ended on "
                + "2022-06-30, by the base-list date 2022-08-31); the personal due is the tier 1 contribution 350.00 "
                + "(the tier of the latest payment) minus the subsidy 0.00 = 350.00; "), x.rule());
        assertTrue(x.rule().endsWith("paid 100.00 of 350.00: 250.00 still owed, so not enrolled until the due is "
                + "paid in full."), x.rule());
        CategoryLine line = x.categories().get(0);
        assertFalse(line.counted());
        assertFalse(line.chosen());
        assertEquals(LocalDate.of(2022, 6, 30), line.validUntil());
        assertEquals("ended on 2022-06-30, by the base-list date 2022-08-31: does not count for policy year 2023",
                line.note());
    }

    @Test
    void aCategoryRecognisedAfterTheWindowIsListedAsNotCounting() {
        Explanation x = explain(List.of(spell("EXTREME_POVERTY", "civil-affairs", "2023-01-05", null)), List.of(), Map.of());

        assertTrue(x.rule().startsWith("No subsidy: no category counts for policy year 2023 (EXTREME_POVERTY "
                + "recognised from 2023-01-05, after the window closed on 2022-12-31)"), x.rule());
        assertFalse(x.categories().get(0).counted());
    }

    @Test
    void aReversedReceiptIsListedButNotCounted() {
        Explanation x = explain(List.of(),
                List.of(payment("R-88", "350.00", "2022-09-06T08:00:00+08:00")),
                Map.of("R-88", OffsetDateTime.parse("2022-09-08T08:00:00+08:00")));

        assertEquals("No subsidy: no hardship category is on record for this person; the personal due is the tier 1 "
                + "contribution 350.00 (the lowest tier, as no payment counts) minus the subsidy 0.00 = 350.00; "
                + "nothing is paid: 350.00 still owed, so not enrolled; receipt R-88 of 350.00 paid on 2022-09-06 "
                + "was reversed on 2022-09-08 and does not count.", x.rule());
        assertEquals(List.of(new PaymentLine("R-88", 1, money("350.00"), OffsetDateTime.parse("2022-09-06T08:00:00+08:00"),
                false, OffsetDateTime.parse("2022-09-08T08:00:00+08:00"))), x.payments());
    }

    @Test
    void ofSeveralCategoriesTheHighestIsChosenAndTheOthersSayWhyNot() {
        Explanation x = explain(List.of(
                        spell("MINIMUM_LIVING", "civil-affairs", "2022-08-31", null),
                        spell("SEVERE_DISABILITY", "disabled-persons-federation", "2022-09-10", null)),
                List.of(), Map.of());

        assertEquals("SEVERE_DISABILITY (recognised by disabled-persons-federation from 2022-09-10) counts for policy "
                + "year 2023 and grants the whole 350.00 contribution = 350.00 at tier 1, the highest single subsidy "
                + "of the 2 categories that count, never their sum; the personal due is the tier 1 contribution 350.00 "
                + "(the lowest tier, as no payment counts) minus the subsidy 350.00 = 0.00; the subsidy covers the "
                + "whole contribution, so nothing is to pay: enrolled as zero-payment from 2022-09-10 and covered "
                + "from 2023-01-01.", x.rule());
        CategoryLine minimum = x.categories().get(0);
        assertEquals("MINIMUM_LIVING", minimum.category());
        assertTrue(minimum.counted());
        assertFalse(minimum.chosen());
        assertEquals("counts for policy year 2023 and would give 175.00, but only one subsidy applies, never a sum: "
                + "SEVERE_DISABILITY (disabled-persons-federation, from 2022-09-10) gives 350.00", minimum.note());
        CategoryLine disability = x.categories().get(1);
        assertTrue(disability.counted());
        assertTrue(disability.chosen());
    }

    @Test
    void paidInFullBeforeTheCategoryWasRecognisedIsOwedARetroactiveSubsidy() {
        Explanation x = explain(List.of(spell("MINIMUM_LIVING", "civil-affairs", "2022-11-01", null)),
                List.of(payment("R-55", "350.00", "2022-09-10T10:00:00+08:00")), Map.of());

        assertTrue(x.rule().endsWith("; paid 350.00, 175.00 more than the due, so enrolled on 2022-09-10 and covered "
                + "from 2023-01-01; 175.00 is owed to the person as a retroactive subsidy, since they paid on "
                + "2022-09-10, before MINIMUM_LIVING was recognised on 2022-11-01."), x.rule());
    }

    @Test
    void aHardshipPersonChargedTheFullAmountIsToldARefundIsDue() {
        Explanation x = explain(List.of(spell("MINIMUM_LIVING", "civil-affairs", "2022-06-01", null)),
                List.of(payment("R-9", "200.00", "2022-09-05T10:00:00+08:00"),
                        payment("R-10", "150.00", "2022-09-20T10:00:00+08:00")), Map.of());

        assertTrue(x.rule().endsWith("; paid 350.00, 175.00 more than the due, so enrolled on 2022-09-05 and covered "
                + "from 2023-01-01; 175.00 is to be refunded, as more was paid than the personal due."), x.rule());
        assertEquals(List.of("R-9", "R-10"), x.payments().stream().map(PaymentLine::receiptId).toList());
        assertNull(x.payments().get(1).reversedAt());
    }

    @Test
    void aTierAskedForIsSaidToBeAskedFor() {
        Entitlement decided = SubsidyDecision.decide(PINGJIANG_2023, 1, List.of(), List.of());
        Explanation x = Explanation.of(PINGJIANG_2023, 1, decided, List.of(), List.of(), Map.of());
        assertTrue(x.rule().contains("contribution 350.00 (the tier asked for)"), x.rule());
    }
}
