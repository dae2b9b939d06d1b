package org.canbao.subsidy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.canbao.contracts.EventCodec;
import org.junit.jupiter.api.Test;

/** Several pooling regions in one deployment: whose policy decides a person, and what a changed policy would do. */
class PoolingRegionsTest {
    private static Policy policy(int year, String json) throws Exception {
        return EventCodec.mapper().readValue(json, PolicyDocument.class).toPolicy(year);
    }

    private static final String HALF = """
            {"contribution":"350.00","subsidies":[{"category":"MINIMUM_LIVING","rule":"HALF"}],"window":{"opens":"2022-09-01","closes":"2022-12-31"}}""";
    private static final String AIKOU = """
            {"contribution":"350.00","subsidies":[{"category":"MINIMUM_LIVING","rule":"FIXED","amount":"315.00"}],"window":{"opens":"2022-11-02","closes":"2022-12-15"}}""";

    @Test
    void aPersonOfAKnownRegionIsDecidedByItsPolicyOnly() throws Exception {
        PolicyBook book = new PolicyBook("pingjiang", Map.of("pingjiang", Map.of(2023, policy(2023, HALF)),
                "aikou", Map.of(2023, policy(2023, AIKOU)), "xiyan", Map.of(2022, policy(2022, HALF))));
        assertEquals("aikou", book.choose("aikou", 2023).orElseThrow().region());
        assertEquals("pingjiang", book.choose(null, 2023).orElseThrow().region(), "not known yet: the default region");
        assertTrue(book.choose("aikou", 2022).isEmpty(), "never another region's rules");
        assertEquals("xiyan", book.choose(null, 2022).orElseThrow().region(), "the default has none: the only region that has one");
        assertTrue(new PolicyBook("default", Map.of("a", Map.of(2023, policy(2023, HALF)), "b", Map.of(2023, policy(2023, AIKOU))))
                .choose(null, 2023).isEmpty(), "two candidates and no default: nobody guesses");
        assertEquals(List.of(2022, 2023), List.copyOf(book.years()));
    }

    @Test
    void aVillageBelongsToItsCampaignsRegionElseItsTownshipsElseTheLatestYears() {
        UnitRegions regions = new UnitRegions(Map.of(2023, Map.of("隘口镇", "aikou", "平所村", "aikou-north"),
                2022, Map.of("梅仙镇", "pingjiang")));
        assertEquals("aikou-north", regions.regionOf(2023, "隘口镇", "平所村"));
        assertEquals("aikou", regions.regionOf(2023, "隘口镇", "新院村"));
        assertEquals("pingjiang", regions.regionOf(2023, "梅仙镇", null), "no 2023 campaign holds it: 2022's");
        assertNull(regions.regionOf(2023, "不存在镇", null));
    }

    @Test
    void whatIfCountsWhoGainsAndTheLedgerBeforeAndAfter() throws Exception {
        Policy half = policy(2023, HALF);
        Policy full = policy(2023, HALF.replace("HALF", "FULL"));
        List<CategorySpell> poor = List.of(new CategorySpell("MINIMUM_LIVING", "civil-affairs", LocalDate.of(2022, 8, 1), null));
        List<PaymentRecord> paidHalf = List.of(new PaymentRecord("R1", 1, new BigDecimal("175.00"),
                OffsetDateTime.parse("2022-10-01T08:00:00+08:00")));
        WhatIf whatIf = new WhatIf();
        whatIf.add(new WhatIf.Person("430626********0011", "梅仙镇", null,
                SubsidyDecision.decide(half, null, poor, paidHalf), SubsidyDecision.decide(full, null, poor, paidHalf)));
        whatIf.add(new WhatIf.Person("430626********0022", "三阳乡", null,
                SubsidyDecision.decide(half, null, List.of(), List.of()), SubsidyDecision.decide(full, null, List.of(), List.of())));
        WhatIf.Answer answer = whatIf.answer(2023, "pingjiang");
        assertEquals(2, answer.persons());
        assertEquals(1, answer.gaining());
        assertEquals(0, answer.losing());
        assertEquals(new BigDecimal("175.00"), answer.byCategory().get(0).subsidyChange());
        assertEquals(new BigDecimal("175.00"), answer.before().enrolledSubsidies().amount());
        assertEquals(new BigDecimal("350.00"), answer.after().enrolledSubsidies().amount());
        assertEquals(new BigDecimal("175.00"), answer.after().refundsDue().amount(), "paid 175 of a due that became 0");
        assertEquals(List.of("430626********0011"), answer.firstPersons().stream().map(WhatIf.Change::idNumber).toList());
    }
}
