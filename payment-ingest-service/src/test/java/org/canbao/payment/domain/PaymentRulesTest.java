package org.canbao.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.Flag;
import org.canbao.platform.batch.LineRejected;
import org.canbao.platform.i18n.Language;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {
    private static final Instant NOW = Instant.parse("2022-11-20T02:00:00Z");
    private static final PaymentRules RULES = new PaymentRules(Set.of("wechat", "BANK_COUNTER"), Set.of("平江县税务局"));

    private static BatchLine line(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("receiptId", "R-1",
                "idNumber", IdNumber.of("430626", LocalDate.of(1980, 1, 1), 11).value(), "policyYear", "2023",
                "amount", "350.00", "channel", "WECHAT", "paidAt", "2022-10-08T09:30:00+08:00", "taxOffice", "平江县税务局"));
        fields.put(field, value);
        return new BatchLine(7, fields);
    }

    private static String rejected(String field, String value) {
        LineRejected e = assertThrows(LineRejected.class, () -> RULES.read(line(field, value), NOW));
        assertEquals(field, e.field());
        return e.message().render(Language.EN);
    }

    @Test
    void aPlainPaymentPassesUnflagged() {
        PaymentRules.Checked checked = RULES.read(line("channel", "wechat"), NOW);
        assertEquals(List.of(), checked.flags());
        assertEquals("R-1", checked.confirmation().receiptId());
    }

    @Test
    void paymentsFromTheFutureOrOutsideThePolicyYearAreRejected() {
        assertTrue(rejected("paidAt", "9999-12-31T00:00:00+08:00").contains("future"));
        assertTrue(rejected("paidAt", "2022-11-20T10:30:00+08:00").contains("future"), "20 minutes ahead of the clock");
        RULES.read(line("paidAt", "2022-11-20T10:05:00+08:00"), NOW);
        assertTrue(rejected("paidAt", "1990-01-01T00:00:00+08:00").contains("before any collection for policy year 2023"));
        assertTrue(rejected("paidAt", "2021-12-31T23:59:00+08:00").contains("before any collection"), "Shanghai's calendar day");
        RULES.read(line("paidAt", "2022-01-01T00:00:00+08:00"), NOW);
        PaymentRules later = new PaymentRules(Set.of(), Set.of());
        assertTrue(assertThrows(LineRejected.class, () -> later.read(line("paidAt", "2024-01-01T00:00:00+08:00"),
                Instant.parse("2024-06-01T00:00:00Z"))).message().render(Language.EN).contains("after policy year 2023 ended"));
    }

    @Test
    void identifiersThatAreNoIdentifiersAreRejected() {
        assertTrue(rejected("channel", "<script>alert(1)</script>").startsWith("channel must be"));
        assertTrue(rejected("channel", "WE\u202ECHAT").startsWith("channel must be"), "a bidirectional override");
        assertTrue(rejected("receiptId", "R".repeat(10_000)).startsWith("receiptId must be"));
        assertTrue(rejected("receiptId", "R-\u00001").startsWith("receiptId must be"));
        assertTrue(rejected("taxOffice", "局".repeat(100)).contains("longer than 64"));
    }

    @Test
    void anUnlistedChannelOrAnotherCountysTaxOfficeIsAcceptedAndFlagged() {
        PaymentRules.Checked checked = RULES.read(line("taxOffice", "汨罗市税务局"), NOW);
        assertEquals(List.of("taxOffice"), checked.flags().stream().map(Flag::field).toList());
        assertEquals(7, checked.flags().get(0).line());
        assertTrue(checked.flags().get(0).reason().contains("汨罗市税务局"));
        assertEquals(List.of("channel"), RULES.read(line("channel", "CARRIER_PIGEON"), NOW).flags().stream().map(Flag::field).toList());
        PaymentRules open = new PaymentRules(Set.of(), Set.of());
        assertEquals(List.of(), open.read(line("channel", "CARRIER_PIGEON"), NOW).flags(), "no list, no check");
    }

    @Test
    void everyBadFieldOfALineIsReportedNotOnlyTheFirst() {
        BatchLine line = line("amount", "35O.00");
        line.fields().put("channel", "<b>");
        line.fields().put("paidAt", "2099-01-01T00:00:00+08:00");
        line.fields().remove("receiptId");
        LineRejected e = assertThrows(LineRejected.class, () -> RULES.read(line, NOW));
        assertEquals("receiptId", e.field(), "the first bad field leads");
        assertEquals(List.of("receiptId", "amount", "channel", "paidAt", "paidAt"), e.all().stream().map(LineRejected::field).toList());
        assertEquals(List.of(), assertThrows(LineRejected.class, () -> RULES.read(line("tier", "0"), NOW)).all(),
                "one bad field: no list");
    }
}
