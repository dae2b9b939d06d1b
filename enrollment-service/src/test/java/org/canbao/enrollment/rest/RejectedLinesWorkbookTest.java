package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.LocalInfraResource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * A clerk's round trip: a roster with bad lines answers, on {@code ?format=xlsx}, the sheet of its rejected lines
 * (their cells under Chinese headers, the line number, every bad field and why, ID numbers masked); the clerk
 * corrects the rows, types the number back from their own file, and sends the sheet again.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class RejectedLinesWorkbookTest {
    private static final IdNumber GOOD = IdNumber.of("430626", LocalDate.of(1966, 6, 6), 501);
    private static final IdNumber NAMELESS = IdNumber.of("430626", LocalDate.of(1966, 6, 6), 502);

    @Test
    void theRejectedLinesComeBackAsASheetThatIsCorrectedAndSentAgain() throws Exception {
        String roster = "身份证号码,姓名,户号,乡镇,村\n"
                + GOOD.value() + ",表一,R1,甲镇,甲村\n"
                + NAMELESS.value() + ",,R2,甲镇,甲村\n"
                + "43062619660606050,表三,R3,甲镇,甲村\n";
        byte[] answer = given().auth().preemptive().basic("public-security", "public-security")
                .contentType("text/csv").body(roster.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/residents?format=xlsx").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx"))
                .extract().asByteArray();
        List<List<String>> rows = read(answer);
        assertEquals(List.of("身份证号码", "姓名", "户号", "乡镇（街道）", "村（社区）", "原行号", "错误字段", "错误原因"), rows.get(0));
        assertEquals(3, rows.size(), "the header and the two rejected lines: " + rows);
        List<String> nameless = rows.get(1);
        assertEquals(NAMELESS.masked(), nameless.get(0), "the number is masked, as in every answer");
        assertEquals("3", nameless.get(5));
        assertEquals("姓名", nameless.get(6));
        assertFalse(nameless.get(7).isBlank());
        List<String> shortId = rows.get(2);
        assertEquals("4", shortId.get(5));
        assertTrue(shortId.get(6).contains("身份证号码"), shortId.toString());
        assertFalse(rows.toString().contains(NAMELESS.value()), "no full ID number in the sheet");

        // corrected as a clerk would: the name filled in, the numbers typed back; the extra columns stay
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(fixed, "canbao-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("拒收行");
            for (int c = 0; c < rows.get(0).size(); c++) {
                sheet.value(0, c, rows.get(0).get(c));
            }
            List<String> first = new ArrayList<>(nameless);
            first.set(0, NAMELESS.value());
            first.set(1, "表二");
            List<String> second = new ArrayList<>(shortId);
            second.set(0, IdNumber.of("430626", LocalDate.of(1966, 6, 6), 503).value());
            for (int r = 0; r < 2; r++) {
                List<String> row = r == 0 ? first : second;
                for (int c = 0; c < row.size(); c++) {
                    sheet.value(r + 1, c, row.get(c));
                }
            }
        }
        given().auth().preemptive().basic("public-security", "public-security")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(fixed.toByteArray())
                .post("/api/v1/residents").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(2))
                .body("rejected", org.hamcrest.Matchers.empty());
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                rows.add(row.stream().map(c -> c == null ? "" : c.getText()).toList());
            }
        }
        return rows;
    }
}
