package org.canbao.payment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.canbao.infra.TopicWriter;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class PaymentResourceTest {
    private static final IdNumber PAYER = IdNumber.of("430626", LocalDate.of(1984, 2, 29), 77);

    private static String line(String receipt, String amount, String paidAt) {
        return "{\"receiptId\":\"" + receipt + "\",\"idNumber\":\"" + PAYER.value() + "\",\"policyYear\":2023,\"amount\":\""
                + amount + "\",\"channel\":\"BANK_COUNTER\",\"paidAt\":\"" + paidAt + "\",\"taxOffice\":\"平江县税务局\"}";
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().preemptive().basic("tax", "tax").contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/payments").then();
    }

    @Test
    void aReceiptIsRecordedOnceAndAConflictingResendIsRejected() {
        String batch = String.join("\n", line("T-1", "350.00", "2022-09-02T10:00:00+08:00"),
                line("T-2", "35O.00", "2022-09-02T10:00:00+08:00"),
                line("T-3", "350.00", "2022-09-02 10:00"),
                line("T-4", "175.5", "2022-12-31T23:59:59+08:00"));
        post(batch).statusCode(200).body("accepted", equalTo(2)).body("rejected", hasSize(2))
                .body("rejected[0].line", equalTo(2)).body("rejected[0].field", equalTo("amount"))
                .body("rejected[1].line", equalTo(3)).body("rejected[1].field", equalTo("paidAt"));

        post(batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        post(line("T-1", "300.00", "2022-09-02T10:00:00+08:00")).statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected[0].code", equalTo("payment.receipt-conflict"))
                .body("rejected[0].reason", equalTo("票据号T-1已登记，且内容不同"));

        List<PaymentReceived> events = TopicReader.await(TestInfra.broker().bootstrapServers(), "payment-received",
                        seen -> seen.stream().filter(r -> r.value().contains("\"receiptId\":\"T-")).count() >= 2,
                        Duration.ofSeconds(30)).stream()
                .map(r -> EventCodec.payload(EventCodec.read(r.value()), PaymentReceived.class))
                .filter(p -> p.receiptId().startsWith("T-")).toList();
        assertEquals(2, events.size(), "a re-sent receipt is not published again");
        PaymentReceived t4 = events.stream().filter(p -> p.receiptId().equals("T-4")).findFirst().orElseThrow();
        assertEquals("175.50", t4.amount().toPlainString());
        assertEquals(1, t4.tier());
        TopicReader.await(TestInfra.broker().bootstrapServers(), "payment-received", seen -> seen.size() >= 2,
                Duration.ofSeconds(30)).forEach(r -> assertFalse(r.value().contains(PAYER.value())));
    }

    @Test
    void doubtfulPaymentsAreFlaggedForFollowUpAndImpossibleOnesRejected() throws Exception {
        String batch = String.join("\n",
                line("F-1", "350.00", "2022-10-08T09:30:00+08:00").replace("平江县税务局", "汨罗市税务局"),
                line("F-2", "350.00", "2022-10-08 09:30:00").replace("BANK_COUNTER", "CARRIER_PIGEON"),
                line("F-3", "350.00", "9999-12-31T00:00:00+08:00"),
                line("F-4", "350.00", "2022-10-08T09:30:00+08:00").replace("BANK_COUNTER", "<script>x</script>"),
                line("F-5", "350.00", "1990-10-08T09:30:00+08:00"));
        post(batch).statusCode(200).body("accepted", equalTo(2))
                .body("flagged.line", equalTo(List.of(1, 2))).body("flagged.field", equalTo(List.of("taxOffice", "channel")))
                .body("flagged.code", equalTo(List.of("payment.tax-office-elsewhere", "payment.channel-unlisted")))
                .body("flagged[1].reason", equalTo("缴费渠道CARRIER_PIGEON不在税务部门的渠道清单中：请核查"))
                .body("rejected.line", equalTo(List.of(3, 4, 5))).body("rejected.field", equalTo(List.of("paidAt", "channel", "paidAt")));
        post(line("F-6", "350.00", "2022-10-08T09:30:00+08:00")).statusCode(200).body("accepted", equalTo(1))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("flagged")));

        String flagged = given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/payments/flagged?policyYear=2023")
                .then().statusCode(200).body("receiptId", equalTo(List.of("F-1", "F-2")))
                .body("[1].channel", equalTo("CARRIER_PIGEON")).body("[0].flags", org.hamcrest.Matchers.startsWith("taxOffice: 缴入汨罗市税务局")).extract().asString();
        assertFalse(flagged.contains(PAYER.value()), "ID numbers are masked");
        org.junit.jupiter.api.Assertions.assertTrue(flagged.contains("汨罗市税务局"), flagged);
        given().auth().preemptive().basic("public-security", "public-security").get("/api/v1/payments/flagged")
                .then().statusCode(403);

        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(batch.getBytes(StandardCharsets.UTF_8)));
        io.restassured.path.json.JsonPath audit = given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/batches?source=tax&from=2020-01-01").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(5, 2, 0, 3, 2), List.of(audit.getInt("find { it.sha256 == '" + sha256 + "' }.lines"),
                audit.getInt("find { it.sha256 == '" + sha256 + "' }.accepted"), audit.getInt("find { it.sha256 == '" + sha256 + "' }.duplicates"),
                audit.getInt("find { it.sha256 == '" + sha256 + "' }.rejected"), audit.getInt("find { it.sha256 == '" + sha256 + "' }.flagged")),
                "the batch is on record with who sent it and what became of it");
        assertEquals("/api/v1/payments", audit.getString("find { it.sha256 == '" + sha256 + "' }.endpoint"));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/batches?source=nobody").then()
                .statusCode(200).body("$", hasSize(0));
        given().auth().preemptive().basic("tax", "tax").get("/api/v1/batches").then().statusCode(403);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aRebuildFromTheStoreWritesThePaymentsTheWritersWrote() {
        post(String.join("\n", line("RB-1", "350.00", "2022-09-04T10:00:00+08:00"),
                line("RB-2", "175.00", "2022-09-05T10:00:00+08:00").replace("平江县税务局", "别县税务局"),
                line("RB-1", "350.00", "2022-09-04T10:00:00+08:00")))
                .statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(1));
        given().auth().preemptive().basic("tax", "tax").contentType("application/json")
                .body("{\"reason\":\"bank returned the payment\",\"reversedAt\":\"2022-09-10T09:00:00+08:00\"}")
                .post("/api/v1/payments/RB-2/reversal").then().statusCode(200).body("reversed", equalTo(true));
        List<String> before = paymentRows();
        assertTrue(before.stream().anyMatch(r -> r.startsWith("RB-1|") && r.endsWith("|350.00")), "RB-1 stored: " + before);

        given().auth().preemptive().basic("admin", "admin").post("/api/v1/admin/rebuild").then().statusCode(200);
        assertEquals(before, paymentRows(), "the rows rebuilt from the receipt streams");
    }

    @SuppressWarnings("unchecked")
    private List<String> paymentRows() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select concat_ws('|', receipt_id, person_key, masked_id, policy_year, tier, channel, paid_at, tax_office, "
                        + "fingerprint, recorded_at, flags, reversed_at, reversal_reason, amount) from payment order by receipt_id")
                .getResultList());
    }

    @Test
    void aReversalIsPublishedOnceAndAnUnknownReceiptIsNotFound() {
        post(line("V-1", "350.00", "2022-09-03T10:00:00+08:00")).statusCode(200).body("accepted", equalTo(1));
        String reversal = "{\"reason\":\"bank returned the payment\",\"reversedAt\":\"2022-09-10T09:00:00+08:00\"}";
        given().auth().preemptive().basic("tax", "tax").contentType("application/json").body(reversal)
                .post("/api/v1/payments/V-1/reversal").then().statusCode(200)
                .body("reversed", equalTo(true)).body("duplicate", equalTo(false));
        given().auth().preemptive().basic("tax", "tax").contentType("application/json").body(reversal)
                .post("/api/v1/payments/V-1/reversal").then().statusCode(200).body("duplicate", equalTo(true));
        given().auth().preemptive().basic("tax", "tax").post("/api/v1/payments/NOPE/reversal").then()
                .statusCode(404).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> events = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "payment-reversed", seen -> !seen.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, events.size());
        PaymentReversed reversed = EventCodec.payload(EventCodec.read(events.get(0).value()), PaymentReversed.class);
        assertEquals("V-1", reversed.receiptId());
        assertEquals("350.00", reversed.amount().toPlainString());
    }

    @Test
    void aBadLineIsRejectedInChineseByDefaultAndInEnglishOnRequestWithTheSameCodeAndFields() {
        String bad = "{\"receiptId\":\"L-1\",\"idNumber\":\"" + PAYER.value() + "\",\"policyYear\":2023,\"amount\":\"17x.00\","
                + "\"channel\":\"BANK_COUNTER\",\"paidAt\":\"2099-01-01T00:00:00+08:00\"}";
        io.restassured.path.json.JsonPath chinese = post(bad).statusCode(200)
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Language")).extract().jsonPath();
        io.restassured.path.json.JsonPath english = given().auth().preemptive().basic("tax", "tax").header("Accept-Language", "en")
                .contentType("application/x-ndjson").body(bad.getBytes(StandardCharsets.UTF_8)).post("/api/v1/payments")
                .then().statusCode(200).extract().jsonPath();
        for (io.restassured.path.json.JsonPath answer : List.of(chinese, english)) {
            assertEquals("amount", answer.getString("rejected[0].field"), answer.prettify());
            assertEquals("field.not-amount", answer.getString("rejected[0].code"));
            assertEquals(List.of("amount", "paidAt", "paidAt"), answer.getList("rejected[0].errors.field"));
            assertEquals(List.of("field.not-amount", "payment.paid-in-future", "payment.paid-after-year"),
                    answer.getList("rejected[0].errors.code"));
        }
        assertEquals("“缴费金额”的值“17x.00”不是以元为单位的金额，例如 175.00", chinese.getString("rejected[0].reason"));
        assertEquals("amount '17x.00' is not an amount in yuan such as 175.00", english.getString("rejected[0].reason"));
        assertEquals("缴费时间2099-01-01T00:00+08:00晚于当前时间", chinese.getString("rejected[0].errors[1].reason"));
        assertEquals("paidAt 2099-01-01T00:00+08:00 is in the future", english.getString("rejected[0].errors[1].reason"));

        given().auth().preemptive().basic("tax", "tax").post("/api/v1/payments/NOPE-1/reversal").then()
                .statusCode(404).contentType("application/problem+json").body("title", equalTo("未找到"))
                .body("code", equalTo("payment.unknown-receipt")).body("detail", equalTo("没有票据号为NOPE-1的缴费"));
        given().auth().preemptive().basic("tax", "tax").header("Accept-Language", "en;q=0.8, zh;q=0.3")
                .post("/api/v1/payments/NOPE-1/reversal").then()
                .statusCode(404).body("title", equalTo("Not Found")).body("detail", equalTo("no payment with receipt NOPE-1"));
        given().header("Accept-Language", "zh-CN").get("/api/v1/payments/flagged").then()
                .statusCode(401).contentType("application/problem+json").body("title", equalTo("未登录"));
    }

    @Test
    void streamedConfirmationsAreRecordedAndBadRecordsRejectedWithTheirReason() {
        // one key, so one partition and one batch: the receipt, the same receipt again, a conflicting copy, a bad amount
        TopicWriter.send(TestInfra.broker().bootstrapServers(), "tax.payment-confirmations", "S",
                line("S-1", "350.00", "2022-11-02T10:00:00+08:00"), line("S-1", "350.00", "2022-11-02T10:00:00+08:00"),
                line("S-1", "400.00", "2022-11-02T10:00:00+08:00"), line("S-2", "-5", "2022-11-02T10:00:00+08:00"));
        List<ConsumerRecord<String, String>> rejected = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "tax.payment-confirmations.rejected", seen -> seen.size() >= 2, Duration.ofSeconds(30));
        assertEquals(2, rejected.size(), rejected.toString());
        String conflict = rejected.stream().map(ConsumerRecord::value).filter(v -> v.contains("S-1")).findFirst().orElseThrow();
        assertTrue(conflict.contains("\"field\":\"receiptId\""), conflict);
        String reject = rejected.stream().map(ConsumerRecord::value).filter(v -> v.contains("S-2")).findFirst().orElseThrow();
        assertTrue(reject.contains("\"field\":\"amount\""), reject);
        assertTrue(reject.contains("\"code\":\"field.not-amount\""), reject);
        assertTrue(reject.contains("不是以元为单位的金额"), "no caller to ask: the clerks' Chinese; " + reject);
        assertFalse(reject.contains(PAYER.value()), "the rejected record is masked");
        TopicReader.await(TestInfra.broker().bootstrapServers(), "payment-received",
                seen -> seen.stream().anyMatch(r -> r.value().contains("\"receiptId\":\"S-1\"")), Duration.ofSeconds(30));
        // a second S-1 would come in the same relay batch: read the topic again for a few seconds and count
        List<ConsumerRecord<String, String>> received = TopicReader.await(TestInfra.broker().bootstrapServers(), "payment-received", seen -> false, Duration.ofSeconds(3));
        assertEquals(1, received.stream().filter(r -> r.value().contains("\"receiptId\":\"S-1\"")).count(),
                "the receipt repeated in the batch is recorded once");
    }

    @TestHTTPResource("/api/v1/payments")
    java.net.URL paymentsUrl;

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A batch is read as a stream: its first chunks take effect while the rest of the body has not been sent yet, so a
     * county's whole file never has to sit in the service's memory.
     */
    @Test
    void aLargeBatchTakesEffectAChunkAtATimeWhileItIsStillArriving() throws Exception {
        int first = BatchStream.CHUNK_LINES * 2 + 1000; // the HTTP client holds a buffer or two back
        int rest = 400;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.io.InputStream body = new java.io.SequenceInputStream(lines("B-", 0, first),
                new java.io.InputStream() {
                    private java.io.InputStream tail;

                    @Override
                    public int read() throws java.io.IOException {
                        if (tail == null) {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                throw new java.io.InterruptedIOException();
                            }
                            tail = lines("B-", first, rest);
                        }
                        return tail.read();
                    }
                });
        var request = java.net.http.HttpRequest.newBuilder(paymentsUrl.toURI()).version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tax:tax".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        var answer = java.net.http.HttpClient.newHttpClient().sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        long recorded = 0;
        for (int i = 0; i < 120 && recorded < BatchStream.CHUNK_LINES * 2L; i++) {
            Thread.sleep(250);
            recorded = recordedReceipts("B-");
        }
        assertFalse(answer.isDone(), "the body is still being sent");
        assertEquals(BatchStream.CHUNK_LINES * 2L, recorded, "two whole chunks took effect before the body ended");
        release.countDown();
        var response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(first + rest, io.restassured.path.json.JsonPath.from(response.body()).getInt("accepted"), response.body());
        assertEquals(first + rest, recordedReceipts("B-"));
    }

    private static java.io.InputStream lines(String prefix, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            text.append(line(prefix + i, "350.00", "2022-10-02T10:00:00+08:00")).append('\n');
        }
        return new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private long recordedReceipts(String prefix) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select count(*) from payment where receipt_id like ?")) {
            s.setString(1, prefix + "%");
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A tax office's Excel export, uploaded as a browser form sends it: Chinese headers, a date cell, a number cell. */
    @Test
    void anXlsxFileUploadedInAFormIsReadRowByRow() throws Exception {
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(xlsx, "Canbao", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("缴费明细");
            String[] header = {"票据号", "身份证号码", "参保年度", "缴费金额", "缴费渠道", "缴费时间", "税务机关"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[][] rows = {
                    {"X-1", PAYER.value(), 2023, 350, "BANK_COUNTER", java.time.LocalDateTime.of(2022, 10, 3, 9, 30), "平江县税务局"},
                    {"X-2", PAYER.value(), 2023, "三百五", "BANK_COUNTER", "2022-10-03 09:30:00", "平江县税务局"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v instanceof java.time.LocalDateTime t) {
                        sheet.value(r + 1, c, t);
                    } else {
                        sheet.value(r + 1, c, (String) v);
                    }
                }
            }
        }
        given().auth().preemptive().basic("tax", "tax")
                .multiPart("file", "缴费明细.xlsx", xlsx.toByteArray(), BatchBody.XLSX)
                .post("/api/v1/payments").then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected.line", equalTo(List.of(3))).body("rejected.field", equalTo(List.of("amount")));
        // a line with several bad fields lists them all
        post(line("E-1", "-5", "9999-01-01 00:00:00").replace("BANK_COUNTER", "<b>"))
                .statusCode(200).body("rejected[0].field", equalTo("amount"))
                .body("rejected[0].errors.field", equalTo(List.of("amount", "channel", "paidAt", "paidAt")));
        given().auth().preemptive().basic("tax", "tax").contentType(BatchBody.XLSX).body(xlsx.toByteArray())
                .post("/api/v1/payments").then().statusCode(200).body("duplicates", equalTo(1));
        given().auth().preemptive().basic("tax", "tax").multiPart("other", "x.csv", new byte[1], "text/csv")
                .post("/api/v1/payments").then().statusCode(400);
    }

    @Test
    void onlyTheTaxBureauPostsPayments() {
        given().auth().preemptive().basic("supervisor", "supervisor").contentType("application/x-ndjson")
                .body(line("X-1", "350.00", "2022-09-02T10:00:00+08:00").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/payments").then().statusCode(403);
    }
}
