package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.money;
import static org.canbao.subsidy.domain.Notices.policy;
import static org.canbao.subsidy.domain.Notices.spell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.canbao.platform.batch.InvalidInput;
import org.junit.jupiter.api.Test;

/** A policy year's own categories (Wuming 2018), and a status valid for the period it was recognised for. */
class CategoryVocabularyTest {
    private static final Policy WUMING = policy(2018, Notices.WUMING_2018);

    @Test
    void givenWuming2018WhenARegisteredPoorPersonIsRecognisedThenTheCategoryCounts() {
        assertTrue(spell("REGISTERED_POOR", "2017-10-01").countsFor(WUMING));
        assertTrue(spell("TWO_DAUGHTERS_STERILISED", "2017-10-01").countsFor(WUMING));
    }

    @Test
    void givenWuming2018WhenACategoryOutsideItsVocabularyArrivesThenItDoesNotCount() {
        assertFalse(spell("MONITORED_UNSTABLE", "2017-10-01").countsFor(WUMING));
    }

    @Test
    void givenAVocabularyWhenASubsidyNamesAnotherCategoryThenTheDocumentIsRefused() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> policy(2018, Notices.WUMING_2018.replace(
                "\"benefitRules\"", "\"subsidies\": [{\"category\": \"MINIMUM_LIVING\", \"rule\": \"HALF\"}], \"benefitRules\"")));
        assertEquals("policy.category-unknown", refused.message().code());
    }

    @Test
    void givenAVocabularyWhenACodeIsGivenTwiceThenRefusedNamingItsPath() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> policy(2018, Notices.WUMING_2018.replace(
                "{\"code\": \"ONLY_CHILD_HOUSEHOLD\"", "{\"code\": \"REGISTERED_POOR\"")));
        assertEquals("policy.category-twice", refused.message().code());
        assertEquals("categories[1].code", refused.message().args().get(0));
    }

    @Test
    void givenAStatusRecognisedForAnEarlierYearWhenNotRecognisedAgainThenItDoesNotCountLater() {
        Policy y2024 = policy(2024, Notices.PINGJIANG_2023.replace("2022-", "2023-"));
        CategorySpell of2022 = spell("MINIMUM_LIVING", "2022-08-31");
        assertFalse(of2022.countsFor(y2024));
        assertEquals(money("350.00"), SubsidyDecision.decide(y2024, null, List.of(of2022), List.of()).personalDue());
        assertTrue(spell("MINIMUM_LIVING", "2023-08-31").countsFor(y2024), "renewed by 2024's base list");
    }

    @Test
    void givenAPolicyKeepingStatusesUntilTheyEndWhenAnOldStatusIsOpenThenItCounts() {
        Policy y2024 = policy(2024, Notices.PINGJIANG_2023.replace("2022-", "2023-")
                .replace("\"baseListDate\"", "\"statusValidity\": \"UNTIL_ENDED\", \"baseListDate\""));
        assertTrue(spell("MINIMUM_LIVING", "2022-08-31").countsFor(y2024));
    }
}
