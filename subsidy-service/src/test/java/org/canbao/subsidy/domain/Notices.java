package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.canbao.contracts.EventCodec;

/** Policies written as the deploy/regions documents are, and the facts of a notice's example. */
final class Notices {
    private Notices() {
    }

    static Policy policy(int year, String json) {
        try {
            return EventCodec.mapper().readValue(json, PolicyDocument.class).toPolicy(year);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(2);
    }

    static CategorySpell spell(String category, String from) {
        return new CategorySpell(category, "civil-affairs", LocalDate.parse(from), null);
    }

    static PaymentRecord paid(String amount, String day) {
        return paid(1, amount, day);
    }

    static PaymentRecord paid(int tier, String amount, String day) {
        return new PaymentRecord("R-" + day + "-" + amount, tier, money(amount), OffsetDateTime.parse(day + "T10:00:00+08:00"));
    }

    static final String AIKOU_2023 = """
            {"tiers": [{"tier": 1, "contribution": "350.00"}, {"tier": 2, "contribution": "725.00"}],
             "subsidies": [{"category": "MINIMUM_LIVING", "tier": 1, "rule": "FIXED", "amount": "315.00"},
                           {"category": "MINIMUM_LIVING", "tier": 2, "rule": "FIXED", "amount": "350.00"},
                           {"category": "ELDERLY_DEMOBILIZED", "tier": 2, "rule": "FIXED", "amount": "725.00"}],
             "window": {"opens": "2022-11-02", "closes": "2022-12-15"}, "fiscalShare": "610.00",
             "benefitRules": [
               {"from": "2023-01-01", "until": "2023-02-28", "start": "NEXT_MONTH"},
               {"from": "2023-03-01", "until": "2023-06-30", "start": "DAYS_AFTER_PAYMENT", "days": 90},
               {"from": "2023-07-01", "start": "DAYS_AFTER_PAYMENT", "days": 90, "due": "FULL_FINANCING"}]}""";

    static final String XIYAN_2022 = """
            {"tiers": [{"tier": 1, "contribution": "320.00"}],
             "subsidies": [{"category": "EXTREME_POVERTY", "rule": "FULL"},
                           {"category": "MONITORED_UNSTABLE", "rule": "HALF"}],
             "window": {"opens": "2021-09-01", "closes": "2021-12-31"}, "fiscalShare": "580.00",
             "benefitRules": [
               {"persons": "NEWBORN", "newbornAge": "P90D", "start": "FROM_BIRTH"},
               {"persons": "INTAKE", "start": "FROM_INTAKE"},
               {"persons": "HARDSHIP", "start": "FROM_PAYMENT"},
               {"start": "NEXT_MONTH", "due": "FULL_FINANCING"}]}""";

    static final String WUMING_2018 = """
            {"tiers": [{"tier": 1, "contribution": "180.00"}],
             "window": {"opens": "2017-09-01", "closes": "2017-12-31"},
             "categories": [{"code": "REGISTERED_POOR", "name": "建档立卡贫困人员"},
                            {"code": "ONLY_CHILD_HOUSEHOLD", "name": "独生子女户"},
                            {"code": "TWO_DAUGHTERS_STERILISED", "name": "双女结扎户"}],
             "benefitRules": [
               {"from": "2018-01-01", "until": "2018-06-30", "start": "NEXT_MONTH"},
               {"from": "2018-07-01", "until": "2018-12-31", "start": "NO_ENROLLMENT",
                "except": ["NEWBORN", "HARDSHIP"], "newbornAge": "P3M"}]}""";

    static final String SHANDONG_2024 = """
            {"tiers": [{"tier": 1, "contribution": "400.00"}],
             "subsidies": [{"category": "MINIMUM_LIVING", "rule": "FIXED", "amount": "280.00", "fundingSource": "MEDICAL_ASSISTANCE"}],
             "window": {"opens": "2023-09-01", "closes": "2023-12-31"},
             "afterWindow": "PAY_DIFFERENCE", "refundAfterPayment": {"allowed": false, "crossRegion": true}}""";

    static final String PINGJIANG_2023 = """
            {"tiers": [{"tier": 1, "contribution": "350.00"}],
             "subsidies": [{"category": "MINIMUM_LIVING", "rule": "HALF"}],
             "window": {"opens": "2022-09-01", "closes": "2022-12-31"}, "baseListDate": "2022-08-31"}""";
}
