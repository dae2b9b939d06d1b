package org.canbao.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.LineRejected;
import org.canbao.platform.i18n.Language;
import org.junit.jupiter.api.Test;

class ExclusionAndFeedLineTest {
    private static final String VALID = IdNumber.of("430626", LocalDate.of(1980, 1, 1), 11).value();
    private static final DepartmentCategories DEPARTMENTS =
            new DepartmentCategories(Map.of("civil-affairs", Set.of("MINIMUM_LIVING"), "disabled-persons-federation", Set.of("SEVERE_DISABILITY")));

    private static BatchLine line(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new BatchLine(2, fields);
    }

    private static List<String> codes(LineRejected e) {
        return (e.all().isEmpty() ? List.of(e) : e.all()).stream().map(r -> r.field() + " " + r.message().code()).toList();
    }

    @Test
    void everyBadFieldOfAnExclusionLineIsReported() {
        LineRejected e = assertThrows(LineRejected.class, () -> ExclusionLine.read(
                line("idNumber", VALID.substring(0, 17) + "Z", "policyYear", "1999", "reason", "on holiday"), Set.of("DECEASED")));
        assertEquals(List.of("idNumber id-number.check-digit", "policyYear field.implausible-year", "reason exclusion.reason-not-code"),
                codes(e));
        assertEquals("核减原因应为代码，例如 EMPLOYEE_INSURED", e.all().get(2).message().render(Language.ZH));
    }

    @Test
    void aGoodExclusionLineIsReadWithItsReasonUpperCased() {
        ExclusionLine read = ExclusionLine.read(line("idNumber", VALID, "policyYear", "2023", "reason", "deceased"), Set.of("DECEASED"));
        assertEquals(new ExclusionLine(IdNumber.parse(VALID), 2023, "DECEASED"), read);
    }

    @Test
    void everyBadFieldOfAStatusFeedLineIsReported() {
        LineRejected e = assertThrows(LineRejected.class, () -> StatusFeedLine.read(
                line("idNumber", VALID, "name", "王五", "category", "SEVERE_DISABILITY", "action", "REMOVE", "effectiveDate", "2022-13-01"),
                "civil-affairs", StatusFeed.Mode.SNAPSHOT, null, DEPARTMENTS, id -> "赵二"));
        assertEquals(List.of("category feed.category-not-allowed", "action feed.snapshot-remove", "name feed.name-mismatch",
                "effectiveDate field.not-date"), codes(e));
    }

    @Test
    void aStatusFeedLineWithoutADateNeedsTheFeedsAsOf() {
        BatchLine undated = line("idNumber", VALID, "name", "赵二", "category", "低保对象");
        LineRejected e = assertThrows(LineRejected.class, () -> StatusFeedLine.read(undated, "civil-affairs",
                StatusFeed.Mode.DELTA, null, DEPARTMENTS, id -> "赵二"));
        assertEquals(List.of("effectiveDate feed.effective-date-missing"), codes(e));
        StatusFeedLine read = StatusFeedLine.read(undated, "civil-affairs", StatusFeed.Mode.DELTA, LocalDate.of(2022, 8, 31),
                DEPARTMENTS, id -> "赵二");
        assertEquals("MINIMUM_LIVING", read.line().entry().category());
        assertEquals(LocalDate.of(2022, 8, 31), read.effective());
    }

    @Test
    void aPersonNotInTheRosterIsReportedOnTheIdNumber() {
        LineRejected e = assertThrows(LineRejected.class, () -> StatusFeedLine.read(
                line("idNumber", VALID, "name", "赵二", "category", "MINIMUM_LIVING"), "civil-affairs", StatusFeed.Mode.DELTA,
                LocalDate.of(2022, 8, 31), DEPARTMENTS, id -> null));
        assertEquals(List.of("idNumber feed.not-in-roster"), codes(e));
        assertEquals("此人不在户籍花名册中", e.message().render(Language.ZH));
    }
}
