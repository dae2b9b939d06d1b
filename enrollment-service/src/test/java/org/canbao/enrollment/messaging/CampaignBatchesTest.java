package org.canbao.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * Two versions of one campaign and a redelivered copy in one batch, on the real broker and database: both versions
 * are learnt once, in order, and the roster is checked against what they define.
 */
@QuarkusTest
@TestProfile(CampaignBatchesTest.OwnDatabase.class)
@WithTestResource(LocalInfraResource.class)
class CampaignBatchesTest {
    /** A campaign makes every other township unknown: this test gets an application and a database of its own. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final String STREAM = "campaign/2098";

    @Inject
    DataSource dataSource;

    private static String version(long sequence, String township) {
        CampaignDefined campaign = new CampaignDefined(2098, List.of(new CampaignDefined.Unit(township, "township", 100)));
        return EventCodec.write(EventCodec.envelope("/canbao/reporting-service", campaign, STREAM, sequence, sequence - 1));
    }

    @Test
    void severalVersionsOfOneCampaignInOneBatchAreLearntInOrderOnce() throws Exception {
        // one key: one partition, one batch; the first version comes again at the end, as a redelivery would
        TopicWriter.send(TestInfra.broker().bootstrapServers(), "campaign-defined", "2098",
                version(1, "甲镇"), version(2, "乙镇"), version(1, "甲镇"));
        long held = 0;
        for (int i = 0; i < 60 && held < 2; i++) {
            Thread.sleep(500);
            held = held(STREAM);
        }
        assertEquals(2, held, "the campaign stream's version held after the batch");

        String roster = line(1, "甲镇") + line(2, "乙镇") + line(3, "丙镇");
        JsonPath answer = given().auth().preemptive().basic("public-security", "public-security")
                .contentType("application/x-ndjson").body(roster.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/residents").then().statusCode(200).extract().jsonPath();
        assertEquals(2, answer.getInt("accepted"), answer.prettify());
        assertEquals(List.of(3), answer.getList("rejected.line"), "the one township no version defines");
    }

    /**
     * Roster lines against a campaign with targets per village: a village it does not define is a typo, not a new
     * village; names within bounds and without invisible marks; bytes that are not valid text are refused per line,
     * and a GBK file without a declared charset is read as the same names the UTF-8 one carries.
     */
    @Test
    void rosterLinesAreCheckedAgainstTheCampaignsVillagesAndReadInTheirCharset() throws Exception {
        CampaignDefined villages = new CampaignDefined(2097, List.of(new CampaignDefined.Unit("甲镇", "township", 100),
                new CampaignDefined.Unit("甲村", "village", 50), new CampaignDefined.Unit("乙村", "village", 50)));
        TopicWriter.send(TestInfra.broker().bootstrapServers(), "campaign-defined", "2097",
                EventCodec.write(EventCodec.envelope("/canbao/reporting-service", villages, "campaign/2097", 1L, 0L)));
        String future = "43062620990101001";
        String roster = villageLine(11, "张甲", "甲村") + villageLine(12, "李乙", "不存在村")
                + villageLine(13, "王\u202E丙", "甲村") + villageLine(14, "赵".repeat(100_000), "乙村")
                + villageLine(15, "钱戊", "乙村").replace(IdNumber.of("430626", LocalDate.of(1980, 1, 1), 715).value(),
                        future + IdNumber.of("430626", LocalDate.of(1980, 1, 1), 1).value().charAt(17));
        for (int i = 0; i < 60 && held("campaign/2097") < 1; i++) {
            Thread.sleep(500);
        }
        JsonPath answer = post("application/x-ndjson", roster.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, answer.getInt("accepted"), answer.prettify());
        assertEquals(List.of(2, 3, 4, 5), answer.getList("rejected.line"));
        assertEquals(List.of("village", "name", "name", "idNumber"), answer.getList("rejected.field"));
        assertEquals("未知村“不存在村”：参保任务中没有这个村", answer.getString("rejected[0].reason"));
        assertEquals("身份证号码中的出生日期晚于今天", answer.getString("rejected[3].reason"));
        assertEquals("id-number.future-birth", answer.getString("rejected[3].code"));

        byte[] gbkLine = villageLine(16, "孙己", "乙村").getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] utf8Line = villageLine(17, "周庚", "乙村").getBytes(StandardCharsets.UTF_8);
        answer = post("application/x-ndjson; charset=UTF-8", concat(utf8Line, gbkLine));
        assertEquals(1, answer.getInt("accepted"), answer.prettify());
        assertEquals(List.of(2), answer.getList("rejected.line"), "the GBK line is not valid in the declared UTF-8");
        assertTrue(answer.getString("rejected[0].reason").contains("charset=GBK"), answer.prettify());
        assertEquals("line.charset", answer.getString("rejected[0].code"));

        String csv = "idNumber,name,householdId,township,village\n" + IdNumber.of("430626", LocalDate.of(1980, 1, 1), 718).value()
                + ",吴辛,C18,甲镇,甲村\n";
        answer = post("text/csv", csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertEquals(1, answer.getInt("accepted"), "a GBK file without a charset is detected: " + answer.prettify());
        answer = post("text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, answer.getInt("duplicates"), "the same name as the UTF-8 file, not a garbled one: " + answer.prettify());
    }

    private static JsonPath post(String type, byte[] body) {
        return given().auth().preemptive().basic("public-security", "public-security").contentType(type).body(body)
                .post("/api/v1/residents").then().statusCode(200).extract().jsonPath();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String villageLine(int i, String name, String village) {
        return "{\"idNumber\":\"" + IdNumber.of("430626", LocalDate.of(1980, 1, 1), 700 + i).value()
                + "\",\"name\":\"" + name + "\",\"householdId\":\"C" + i + "\",\"township\":\"甲镇\",\"village\":\"" + village + "\"}\n";
    }

    private long held(String stream) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select version from stream_position where topic = 'campaign-defined' and stream = ?")) {
            s.setString(1, stream);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private static String line(int i, String township) {
        return "{\"idNumber\":\"" + IdNumber.of("430626", LocalDate.of(1980, 1, 1), 700 + i).value()
                + "\",\"name\":\"批次" + i + "\",\"householdId\":\"C" + i + "\",\"township\":\"" + township + "\"}\n";
    }
}
