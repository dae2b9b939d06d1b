package org.canbao.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.LineRejected;
import org.junit.jupiter.api.Test;

class RosterLineTest {
    @Test
    void everyBadFieldOfARosterLineIsReported() {
        Map<String, String> fields = new LinkedHashMap<>();
        String valid = org.canbao.contracts.IdNumber.of("430626", java.time.LocalDate.of(1980, 1, 1), 11).value();
        fields.put("idNumber", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));
        fields.put("householdId", "H1");
        fields.put("township", "镇".repeat(65));
        fields.put("status", "GONE");
        LineRejected e = assertThrows(LineRejected.class, () -> RosterLine.read(new BatchLine(2, fields)));
        assertEquals("idNumber", e.field());
        assertEquals(List.of("idNumber", "name", "township", "status"), e.all().stream().map(LineRejected::field).toList());
    }
}
