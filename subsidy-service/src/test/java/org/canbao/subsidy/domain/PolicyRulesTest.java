package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.canbao.platform.batch.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A benefit rule that contradicts the window or another rule is refused, naming its JSON path. */
class PolicyRulesTest {
    private static final String BASE = """
            {"tiers": [{"tier": 1, "contribution": "350.00"}],
             "window": {"opens": "2022-11-02", "closes": "2022-12-15"}, %s
             "benefitRules": [%s]}""";

    private static InvalidInput refused(String extra, String rules) {
        return assertThrows(InvalidInput.class, () -> policy(2023, BASE.formatted(extra, rules)));
    }

    @ParameterizedTest(name = "given {0}, then refused as {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a band ending before it begins         | policy.rule-band-order                 | benefitRules[0].until      | {"from": "2023-03-01", "until": "2023-02-01", "start": "NEXT_MONTH"}
            a band inside the window               | policy.rule-in-window                  | benefitRules[0].from       | {"from": "2022-12-01", "start": "NEXT_MONTH"}
            a wait without days                    | policy.rule-days-missing               | benefitRules[0].days       | {"from": "2023-03-01", "start": "DAYS_AFTER_PAYMENT"}
            days on a rule that does not wait      | policy.rule-days-unused                | benefitRules[0].days       | {"from": "2023-03-01", "start": "NEXT_MONTH", "days": 90}
            full financing without a fiscal share  | policy.rule-fiscal-share-missing       | benefitRules[0].due        | {"from": "2023-07-01", "start": "NEXT_MONTH", "due": "FULL_FINANCING"}
            two rules for one group on one day     | policy.rules-overlap                   | benefitRules[1]            | {"from": "2023-01-01", "until": "2023-03-31", "start": "NEXT_MONTH"}, {"from": "2023-03-01", "start": "DAYS_AFTER_PAYMENT", "days": 90}
            newborns without an age                | policy.rule-newborn-age-missing        | benefitRules[0].newbornAge | {"persons": "NEWBORN", "start": "FROM_BIRTH"}
            newborns older than a year             | policy.rule-newborn-age-over-a-year    | benefitRules[0].newbornAge | {"persons": "NEWBORN", "newbornAge": "P13M", "start": "FROM_BIRTH"}
            cover from birth for everyone          | policy.rule-start-persons              | benefitRules[0].persons    | {"start": "FROM_BIRTH"}
            exceptions on a rule taking enrolment  | policy.rule-except-refusal-only        | benefitRules[0].except     | {"start": "NEXT_MONTH", "except": ["HARDSHIP"]}
            """)
    void givenARuleThatContradictsThenRefusedNamingItsPath(String given, String code, String path, String rules) {
        InvalidInput refused = refused("", rules);
        assertEquals(code, refused.message().code());
        assertEquals(path, refused.message().args().get(0));
    }

    @Test
    void givenANegativeFiscalShareThenRefused() {
        assertEquals("policy.not-amount", refused("\"fiscalShare\": \"-610\",",
                "{\"start\": \"NEXT_MONTH\", \"due\": \"FULL_FINANCING\"}").message().code());
    }
}
