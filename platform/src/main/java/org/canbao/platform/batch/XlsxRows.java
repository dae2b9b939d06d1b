package org.canbao.platform.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of an xlsx workbook's first sheet, read one at a time (FastExcel streams the sheet's XML): the first
 * row that is not empty is the header, and each row keeps the number Excel shows it under. Number cells are taken
 * as their plain value, and date cells in a date or time column as {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}.
 */
final class XlsxRows implements AutoCloseable {
    private static final Set<String> DATE_FIELDS = Set.of("paidAt", "effectiveDate", "asOf", "birthDate");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Path file;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private List<String> header;

    /** Opens the workbook in {@code file}, which it deletes when closed. */
    XlsxRows(Path file) {
        this.file = file;
        try {
            this.workbook = new ReadableWorkbook(file.toFile());
            this.stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            close();
            throw new InvalidInput("batch.not-xlsx");
        }
        this.rows = stream.iterator();
    }

    /** Adds up to {@code max} rows to {@code lines}; false once the sheet has no more rows. */
    boolean next(int max, List<BatchLine> lines, List<Rejection> unreadable) {
        int taken = 0;
        try {
            while (taken < max) {
                if (!rows.hasNext()) {
                    return false;
                }
                Row row = rows.next();
                List<String> cells = texts(row);
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(Headers::field).toList();
                    continue;
                }
                taken++;
                if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
                    unreadable.add(new Rejection(row.getRowNum(), null, "line.xlsx-cells", header.size()));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < Math.min(cells.size(), header.size()); c++) {
                    fields.put(header.get(c), cells.get(c));
                }
                lines.add(new BatchLine(row.getRowNum(), fields));
            }
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput("batch.xlsx-broken", e.getClass().getSimpleName());
        }
    }

    private List<String> texts(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(text(row.getCell(c), header == null || c >= header.size() ? null : header.get(c)));
        }
        return cells;
    }

    private static String text(Cell cell, String field) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (field != null && DATE_FIELDS.contains(field)) {
                LocalDateTime time = cell.asDate();
                return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && !field.equals("paidAt")
                        ? time.format(DATE) : time.format(DATE_TIME);
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText().trim();
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
            if (workbook != null) {
                workbook.close();
            }
        } catch (IOException e) {
            // the file goes anyway
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
