package org.canbao.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutreachTest {
    @Test
    void onlyPersonsNotEnrolledAreVisited() {
        assertTrue(Outreach.toVisit(null), "no entitlement announced yet");
        assertTrue(Outreach.toVisit("UNPAID"));
        assertTrue(Outreach.toVisit("UNDERPAID"));
        assertFalse(Outreach.toVisit("PAID"));
        assertFalse(Outreach.toVisit("ZERO_PAYMENT"), "a fully subsidised person is enrolled without paying");
        assertFalse(Outreach.toVisit("OVERPAID"));
    }

    @Test
    void whatIsOwedIsTheDueLessWhatWasPaid() {
        assertEquals(new BigDecimal("250.00"), Outreach.owes(new BigDecimal("350.00"), new BigDecimal("100.00")));
        assertEquals(new BigDecimal("175.00"), Outreach.owes(new BigDecimal("175.00"), null));
        assertEquals(new BigDecimal("0.00"), Outreach.owes(new BigDecimal("175.00"), new BigDecimal("350.00")));
        assertNull(Outreach.owes(null, BigDecimal.ZERO));
    }

    @Test
    void hardshipPersonsComeFirstThenByPlaceAndHousehold() {
        List<Outreach.Person> persons = new ArrayList<>(List.of(person("乙", "甲村", "H2", false),
                person("丁", "乙村", "H9", true), person("甲", "甲村", "H1", false), person("丙", "甲村", "H3", true)));
        persons.sort(Outreach.ORDER);
        assertEquals(List.of("丙", "丁", "甲", "乙"), persons.stream().map(Outreach.Person::name).toList());
    }

    private static Outreach.Person person(String name, String village, String household, boolean hardship) {
        return new Outreach.Person(name, "430626********0011", household, "甲镇", village, hardship, List.of(), null, null);
    }
}
