package org.canbao.platform.rest;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link Table} as CSV (UTF-8 with a byte-order mark, so Excel in China opens it in the right charset) or as
 * an xlsx workbook (FastExcel, streamed), with a file name built from its title. Times are Asia/Shanghai.
 */
@Provider
@Produces({Table.CSV, Table.XLSX})
public class TableWriter implements MessageBodyWriter<Table> {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final CsvMapper CSV = new CsvMapper();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Table.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Table table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        boolean xlsx = mediaType.isCompatible(MediaType.valueOf(Table.XLSX));
        String file = URLEncoder.encode(table.title() + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8).replace("+", "%20");
        headers.putSingle("Content-Disposition", "attachment; filename*=UTF-8''" + file);
        if (xlsx) {
            xlsx(table, out);
        } else {
            headers.putSingle("Content-Type", Table.CSV + "; charset=UTF-8");
            csv(table, out);
        }
    }

    static void csv(Table table, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.headers().forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(row.stream().map(TableWriter::text).toList());
        }
        CSV.writer(schema.build()).writeValues(out).writeAll(rows).close();
    }

    static void xlsx(Table table, OutputStream out) throws IOException {
        try (Workbook workbook = new Workbook(out, "Canbao", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.value(0, c, table.headers().get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.width(c, Math.max(10, table.headers().get(c).length() * 2.4));
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r + 1, c, row.get(c));
                }
            }
        }
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value instanceof Table.Percent p) {
            sheet.value(r, c, p.ratio());
            sheet.style(r, c).format("0.00%").set();
        } else if (value instanceof Number n) {
            sheet.value(r, c, n);
        } else if (value != null) {
            sheet.value(r, c, text(value));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Table.Percent p) {
            return p.ratio().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(SHANGHAI).format(TIME);
        }
        if (value instanceof LocalDateTime t) {
            return t.format(TIME);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return String.valueOf(value);
    }

    /** Excel allows 31 characters and none of []:*?/\ in a sheet's name. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
