package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.canbao.platform.batch.InvalidInput;
import org.junit.jupiter.api.Test;

/** A benefit rule that contradicts the window or another rule is refused, naming its JSON path. */
class PolicyRulesTest {
    private static final String BASE = """
            {"tiers": [{"tier": 1, "contribution": "350.00"}],
             "window": {"opens": "2022-11-02", "closes": "2022-12-15"}, %s
             "benefitRules": [%s]}""";

    private static InvalidInput refused(String extra, String rules) {
        return assertThrows(InvalidInput.class, () -> policy(2023, BASE.formatted(extra, rules)));
    }

    private static void assertRefused(String code, String path, InvalidInput refused) {
        assertEquals(code, refused.message().code());
        assertEquals(path, refused.message().args().get(0));
    }

    @Test
    void givenABandEndingBeforeItBeginsThenRefused() {
        assertRefused("policy.rule-band-order", "benefitRules[0].until",
                refused("", "{\"from\": \"2023-03-01\", \"until\": \"2023-02-01\", \"start\": \"NEXT_MONTH\"}"));
    }

    @Test
    void givenABandInsideTheWindowThenRefused() {
        assertRefused("policy.rule-in-window", "benefitRules[0].from",
                refused("", "{\"from\": \"2022-12-01\", \"start\": \"NEXT_MONTH\"}"));
    }

    @Test
    void givenAWaitWithoutDaysThenRefused() {
        assertRefused("policy.rule-days-missing", "benefitRules[0].days",
                refused("", "{\"from\": \"2023-03-01\", \"start\": \"DAYS_AFTER_PAYMENT\"}"));
    }

    @Test
    void givenDaysOnARuleThatDoesNotWaitThenRefused() {
        assertRefused("policy.rule-days-unused", "benefitRules[0].days",
                refused("", "{\"from\": \"2023-03-01\", \"start\": \"NEXT_MONTH\", \"days\": 90}"));
    }

    @Test
    void givenTheFullFinancingStandardWithoutAFiscalShareThenRefused() {
        assertRefused("policy.rule-fiscal-share-missing", "benefitRules[0].due",
                refused("", "{\"from\": \"2023-07-01\", \"start\": \"NEXT_MONTH\", \"due\": \"FULL_FINANCING\"}"));
    }

    @Test
    void givenTwoRulesForTheSamePersonsOnOverlappingDaysThenRefused() {
        assertRefused("policy.rules-overlap", "benefitRules[1]", refused("",
                "{\"from\": \"2023-01-01\", \"until\": \"2023-03-31\", \"start\": \"NEXT_MONTH\"},"
                + "{\"from\": \"2023-03-01\", \"start\": \"DAYS_AFTER_PAYMENT\", \"days\": 90}"));
    }

    @Test
    void givenNewbornsWithoutAnAgeThenRefused() {
        assertRefused("policy.rule-newborn-age-missing", "benefitRules[0].newbornAge",
                refused("", "{\"persons\": \"NEWBORN\", \"start\": \"FROM_BIRTH\"}"));
    }

    @Test
    void givenNewbornsOlderThanAYearThenRefused() {
        assertRefused("policy.rule-newborn-age-over-a-year", "benefitRules[0].newbornAge",
                refused("", "{\"persons\": \"NEWBORN\", \"newbornAge\": \"P13M\", \"start\": \"FROM_BIRTH\"}"));
    }

    @Test
    void givenCoverFromBirthForEveryoneThenRefused() {
        assertRefused("policy.rule-start-persons", "benefitRules[0].persons",
                refused("", "{\"start\": \"FROM_BIRTH\"}"));
    }

    @Test
    void givenExceptionsOnARuleThatTakesEnrolmentThenRefused() {
        assertRefused("policy.rule-except-refusal-only", "benefitRules[0].except",
                refused("", "{\"start\": \"NEXT_MONTH\", \"except\": [\"HARDSHIP\"]}"));
    }

    @Test
    void givenANegativeFiscalShareThenRefused() {
        assertEquals("policy.not-amount", refused("\"fiscalShare\": \"-610\",",
                "{\"start\": \"NEXT_MONTH\", \"due\": \"FULL_FINANCING\"}").message().code());
    }
}
