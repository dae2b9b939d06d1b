package org.canbao.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchReportTest {
    private static BatchLine line(int number, String amount) {
        return new BatchLine(number, Map.of("idNumber", "430626198001020707", "amount", amount));
    }

    @Test
    void linesRejectedWhenReadAndWhenWrittenAreReportedByLineAndOnlyLinesReadAreWritten() {
        BatchBody body = new BatchBody(List.of(line(2, "1"), line(3, "x"), line(4, "2"), line(5, "3")), List.of());
        BatchReport report = BatchReport.startingWith(body);
        List<BatchReport.Read<Integer>> read = report.read(body.lines(), l -> {
            try {
                return Integer.parseInt(l.fields().get("amount"));
            } catch (NumberFormatException e) {
                throw new LineRejected("amount", "batch.not-a-number");
            }
        });
        assertEquals(List.of(2, 4, 5), read.stream().map(r -> r.line().number()).toList());
        assertEquals(List.of(1, 2, 3), read.stream().map(BatchReport.Read::value).toList());

        List<Integer> written = new ArrayList<>();
        report.eachRead(read, r -> {
            if (r.value() == 2) {
                throw new LineRejected("receiptId", "payment.receipt-conflict", "R2");
            }
            written.add(r.line().number());
        });
        assertEquals(List.of(2, 5), written);
        assertEquals(List.of(3, 4), report.rejected.stream().map(Rejection::line).toList(), "in line order, both steps");
        assertEquals(List.of("amount", "receiptId"), report.rejected.stream().map(Rejection::field).toList());
        assertEquals("430626********0707", report.rejectedCells.get(4).get("idNumber"), "the rejected line's cells, masked");
    }
}
