package org.canbao.enrollment.domain;

import java.time.LocalDate;
import java.util.function.Function;
import org.canbao.contracts.CategoryNames;
import org.canbao.contracts.IdNumber;
import org.canbao.enrollment.domain.StatusFeed.Action;
import org.canbao.enrollment.domain.StatusFeed.Mode;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.LineChecks;
import org.canbao.platform.i18n.Message;

/**
 * One line of a department's status feed: a person of the household roster, by number and name, in a category the
 * department may report. Every bad field of the line is reported at once ({@link LineChecks}).
 */
public record StatusFeedLine(StatusFeed.Line line, LocalDate effective) {
    /**
     * @param asOf       the feed's date, which a line's own {@code effectiveDate} overrides; one of them is needed
     * @param rosterName the name the household roster has for an ID number, or null when it does not know it
     */
    public static StatusFeedLine read(BatchLine line, String department, Mode mode, LocalDate asOf,
                                      DepartmentCategories departments, Function<String, String> rosterName) {
        LineChecks checks = new LineChecks();
        IdNumber id = checks.read(() -> line.idNumber("idNumber"));
        String name = checks.read(() -> line.required("name"));
        String category = checks.read(() -> CategoryNames.code(line.required("category")));
        if (category != null) {
            Message refusal = departments.refusal(department, category);
            if (refusal != null) {
                checks.reject("category", refusal);
            }
        }
        Action action = checks.read(() -> line.enumValue("action", Action.class, Action.ADD));
        checks.require(!(mode == Mode.SNAPSHOT && action == Action.REMOVE), "action", "feed.snapshot-remove");
        if (id != null) {
            String known = rosterName.apply(id.value());
            checks.require(known != null, "idNumber", "feed.not-in-roster");
            checks.require(known == null || name == null || known.equals(name), "name", "feed.name-mismatch");
        }
        LocalDate effective = line.optional("effectiveDate") == null ? asOf : checks.read(() -> line.date("effectiveDate"));
        if (line.optional("effectiveDate") == null) {
            checks.require(asOf != null, "effectiveDate", "feed.effective-date-missing");
        }
        checks.done();
        return new StatusFeedLine(new StatusFeed.Line(new StatusFeed.Entry(id.value(), category), action), effective);
    }
}
