package org.canbao.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.canbao.platform.i18n.Language;
import org.junit.jupiter.api.Test;

class BatchStreamTest {
    private static final Charset GBK = Charset.forName("GBK");

    /** A body of {@code lines} NDJSON lines, made as it is read and never held whole. */
    private static final class GeneratedBody extends InputStream {
        private final int lines;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        long served;

        GeneratedBody(int lines) {
            this.lines = lines;
        }

        static byte[] line(int i) {
            return ("{\"receiptId\":\"R" + i + "\",\"name\":\"张三" + i + "\"}\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (next == lines) {
                    return -1;
                }
                current = line(next++);
                position = 0;
            }
            served++;
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }

    @Test
    void aLargeBodyComesInChunksWhileItIsStillBeingRead() throws Exception {
        int total = 250_000;
        GeneratedBody body = new GeneratedBody(total);
        BatchStream stream = BatchStream.of(body, BatchBody.NDJSON);
        List<Long> servedAtChunk = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        BatchReport report = stream.each(chunk -> {
            servedAtChunk.add(body.served);
            assertTrue(chunk.lines().size() <= BatchStream.CHUNK_LINES);
            chunk.lines().forEach(l -> numbers.add(l.number()));
            BatchReport r = new BatchReport();
            r.accepted = chunk.lines().size();
            return r;
        });
        assertEquals(total, report.accepted);
        assertEquals(total, numbers.size());
        for (int i = 0; i < total; i++) {
            assertEquals(i + 1, numbers.get(i), "lines keep their numbers across chunks");
        }
        assertTrue(servedAtChunk.get(0) < body.served / 10,
                "the first chunk is handed on after reading " + servedAtChunk.get(0) + " of " + body.served + " bytes");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < total; i++) {
            digest.update(GeneratedBody.line(i));
        }
        assertEquals(HexFormat.of().formatHex(digest.digest()), stream.sha256(), "the hash is the whole body's");
        assertEquals(body.served, stream.bytes());
    }

    @Test
    void csvLinesAreNumberedFromTheHeaderAndBlankLinesSkipped() {
        String csv = "\uFEFFidNumber,name\r\n1,甲\r\n\r\n2,乙,多余\r\n3,\"丙,丁\"\r\n";
        BatchBody body = BatchStream.of(csv.getBytes(StandardCharsets.UTF_8), BatchBody.CSV).all();
        assertEquals(List.of(2, 5), body.lines().stream().map(BatchLine::number).toList());
        assertEquals("丙,丁", body.lines().get(1).optional("name"));
        assertEquals(1, body.unreadable().size());
        assertEquals(4, body.unreadable().get(0).line());
    }

    @Test
    void aGbkFileWithoutACharsetIsDetectedFromItsFirstChineseLine() {
        byte[] gbk = "idNumber,姓名\n1,张三\n2,李四\n".getBytes(GBK);
        BatchBody body = BatchStream.of(gbk, "text/csv").all();
        assertEquals(List.of("张三", "李四"), body.lines().stream().map(l -> l.optional("name")).toList());
        assertTrue(body.unreadable().isEmpty());
    }

    @Test
    void aLineNotValidInTheDeclaredCharsetIsRejectedAloneWithItsNumber() {
        byte[] utf8 = "{\"name\":\"张三\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "{\"name\":\"李四\"}\n".getBytes(GBK);
        byte[] both = new byte[utf8.length + gbk.length + utf8.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(gbk, 0, both, utf8.length, gbk.length);
        System.arraycopy(utf8, 0, both, utf8.length + gbk.length, utf8.length);
        BatchBody body = BatchStream.of(both, "application/x-ndjson; charset=UTF-8").all();
        assertEquals(List.of(1, 3), body.lines().stream().map(BatchLine::number).toList());
        assertEquals(2, body.unreadable().get(0).line());
        assertEquals("line.charset", body.unreadable().get(0).code());
        assertTrue(body.unreadable().get(0).in(Language.EN).reason().contains("charset=GBK"), body.unreadable().get(0).reason());
    }

    @Test
    void anOverlongLineIsRejectedWithoutBeingHeldAndTheNextLineIsRead() {
        String huge = "{\"name\":\"" + "x".repeat(BatchStream.MAX_LINE_BYTES * 4) + "\"}\n";
        String body = "{\"name\":\"a\"}\n" + huge + "{\"name\":\"b\"}";
        BatchBody parsed = BatchStream.of(body.getBytes(StandardCharsets.UTF_8), BatchBody.NDJSON).all();
        assertEquals(List.of("a", "b"), parsed.lines().stream().map(l -> l.optional("name")).toList());
        assertEquals(List.of(3), parsed.lines().stream().skip(1).map(BatchLine::number).toList());
        assertEquals(2, parsed.unreadable().get(0).line());
        assertTrue(parsed.unreadable().get(0).in(Language.EN).reason().startsWith("line is longer than"));
        assertEquals("该行超过1 MB", parsed.unreadable().get(0).reason());
    }

    @Test
    void anEmptyBodyIsAnEmptyBatchAndThenTheEnd() {
        BatchStream stream = BatchStream.of(new byte[0], BatchBody.NDJSON);
        BatchBody first = stream.next(10);
        assertTrue(first.lines().isEmpty() && first.unreadable().isEmpty());
        assertNull(stream.next(10));
        assertEquals(0, BatchStream.of(new byte[0], BatchBody.CSV).each(b -> {
            throw new AssertionError("no chunk for an empty body");
        }).accepted);
    }

    @Test
    void anXlsxSheetIsReadRowByRowWithExcelsRowNumbersAndItsDatesAndNumbersAsText() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Canbao", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("缴费");
            sheet.value(0, 0, "票据号");
            sheet.value(0, 1, "缴费金额");
            sheet.value(0, 2, "缴费时间");
            sheet.value(1, 0, "R1");
            sheet.value(1, 1, 350);
            sheet.value(1, 2, java.time.LocalDateTime.of(2022, 10, 2, 9, 30));
            sheet.style(1, 2).format("yyyy-mm-dd hh:mm:ss").set();
            sheet.value(3, 0, "R2");
            sheet.value(3, 1, 175.5);
            sheet.value(3, 2, "2022-11-20 09:30:00");
            sheet.value(3, 4, "多余");
        }
        BatchStream stream = BatchStream.of(out.toByteArray(), BatchBody.XLSX);
        BatchBody body = stream.all();
        assertEquals(1, body.lines().size(), body.toString());
        BatchLine first = body.lines().get(0);
        assertEquals(2, first.number(), "Excel's row number");
        assertEquals("R1", first.optional("receiptId"));
        assertEquals("350", first.optional("amount"));
        assertEquals("2022-10-02 09:30:00", first.optional("paidAt"));
        assertEquals(4, body.unreadable().get(0).line(), "the row with a cell beyond the header, the blank row skipped");
        assertEquals(out.size(), stream.bytes());
    }

    @Test
    void bytesThatAreNoWorkbookAreRefusedAsSuch() {
        InvalidInput refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInput.class,
                () -> BatchStream.of("idNumber,name\n".getBytes(StandardCharsets.UTF_8), BatchBody.XLSX).all());
        assertEquals("batch.not-xlsx", refused.message().code());
        assertTrue(refused.message().render(Language.EN).contains("xlsx"), refused.message().render(Language.EN));
    }
}
