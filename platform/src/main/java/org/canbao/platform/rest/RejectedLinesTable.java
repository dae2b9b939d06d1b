package org.canbao.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.batch.Headers;
import org.canbao.platform.batch.Rejection;

/**
 * A batch's answer as the sheet of its rejected lines ({@code ?format=xlsx} or {@code Accept} xlsx on any batch
 * endpoint): the columns the file had, under the headers Canbao reads back, then the line's number in the file sent,
 * the bad fields and why. A clerk corrects the rows and sends the sheet again; ID numbers are masked, as in every
 * answer, so the row number leads back to the number in their own file. The counts are in the title.
 */
@ApplicationScoped
public class RejectedLinesTable implements TableLayout {
    @Override
    public Table table(Object answer, UriInfo request) {
        if (!(answer instanceof BatchReport report)) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        report.rejectedCells.values().forEach(cells -> fields.addAll(cells.keySet()));
        List<String> headers = new ArrayList<>(fields.stream().map(Headers::chinese).toList());
        headers.addAll(List.of("原行号", "错误字段", "错误原因"));
        List<List<Object>> rows = new ArrayList<>();
        for (Rejection r : report.rejected) {
            Map<String, String> cells = report.rejectedCells.getOrDefault(r.line(), Map.of());
            List<Object> row = new ArrayList<>();
            fields.forEach(f -> row.add(cells.get(f)));
            List<Rejection.FieldError> errors = r.errors() != null ? r.errors() : List.of(new Rejection.FieldError(r.field(), r.message(), r.reason()));
            row.add(r.line());
            row.add(errors.stream().map(e -> e.field() == null ? "整行" : Headers.chinese(e.field())).collect(Collectors.joining("、")));
            row.add(errors.stream().map(Rejection.FieldError::reason).collect(Collectors.joining("；")));
            rows.add(row);
        }
        String title = "拒收行（接收" + report.accepted + "行，重复" + report.duplicates + "行，拒收" + report.rejected.size() + "行）";
        return new Table(title, headers, rows);
    }
}
