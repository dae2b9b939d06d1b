package org.canbao.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
            held = held();
        }
        assertEquals(2, held, "the campaign stream's version held after the batch");

        String roster = line(1, "甲镇") + line(2, "乙镇") + line(3, "丙镇");
        JsonPath answer = given().auth().preemptive().basic("public-security", "public-security")
                .contentType("application/x-ndjson").body(roster.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/residents").then().statusCode(200).extract().jsonPath();
        assertEquals(2, answer.getInt("accepted"), answer.prettify());
        assertEquals(List.of(3), answer.getList("rejected.line"), "the one township no version defines");
    }

    private long held() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select version from stream_position where topic = 'campaign-defined' and stream = ?")) {
            s.setString(1, STREAM);
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
