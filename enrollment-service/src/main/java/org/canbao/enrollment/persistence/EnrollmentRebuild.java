package org.canbao.enrollment.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.canbao.platform.eventstore.StoreRebuild;
import org.canbao.platform.eventstore.StoredEvent;

/**
 * The roster, category memberships and exclusions, rebuilt from the person streams of the event store: each
 * event with the facts kept beside it (the full ID number and the name never leave this service).
 */
@ApplicationScoped
public class EnrollmentRebuild implements ProjectionRebuilder {
    private static final List<String> TABLES = List.of("resident", "category_membership", "exclusion");
    private static final String ADD = "insert into category_membership (id_number, department, category, valid_from, "
            + "recorded_at, region) values (?, ?, ?, ?, ?, ?)";
    private static final String END = "update category_membership set valid_until = ?, ended_recorded_at = ? "
            + "where id_number = ? and department = ? and category = ? and valid_until is null";
    private static final String RENEW = "update category_membership set recognised_on = ? "
            + "where id_number = ? and department = ? and category = ? and valid_until is null";
    private static final String EXCLUDE = """
            insert into exclusion (id_number, policy_year, reason, recorded_at) values (?, ?, ?, ?)
            on conflict (id_number, policy_year) do update set reason = excluded.reason, recorded_at = excluded.recorded_at
            """;

    private final DataSource dataSource;

    public EnrollmentRebuild(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Result rebuild() throws SQLException {
        return StoreRebuild.run(dataSource, TABLES, EnrollmentRebuild::apply);
    }

    /** In position order, one statement per event: a page may hold a person's roster line and their status changes. */
    static void apply(Connection c, List<StoredEvent> events) throws SQLException {
        try (PreparedStatement resident = c.prepareStatement(ResidentRows.UPSERT); PreparedStatement add = c.prepareStatement(ADD);
             PreparedStatement end = c.prepareStatement(END); PreparedStatement renew = c.prepareStatement(RENEW);
             PreparedStatement exclude = c.prepareStatement(EXCLUDE)) {
            for (StoredEvent stored : events) {
                if (!stored.isEvent()) {
                    continue;
                }
                CanbaoEvent event = stored.event();
                String idNumber = stored.facts().path("idNumber").asText();
                if (event instanceof IdentityVerified e) {
                    Resident row = new Resident();
                    row.idNumber = idNumber;
                    row.personKey = e.personKey();
                    row.name = stored.facts().path("name").asText();
                    // the event carries the household's pseudonym; the service keeps the number itself
                    row.householdId = stored.facts().hasNonNull("householdId") ? stored.facts().get("householdId").asText() : e.householdId();
                    row.township = e.township();
                    row.village = e.village();
                    row.status = e.status();
                    row.recordedAt = e.recordedAt();
                    row.updatedAt = e.recordedAt();
                    ResidentRows.bind(resident, row);
                    resident.executeUpdate();
                } else if (event instanceof StatusChanged e && e.change() == StatusChanged.Change.ADDED) {
                    add.setString(1, idNumber);
                    add.setString(2, e.department());
                    add.setString(3, e.category());
                    add.setDate(4, Date.valueOf(e.validFrom()));
                    add.setTimestamp(5, Timestamp.from(e.recordedAt()));
                    add.setString(6, e.region());
                    add.executeUpdate();
                } else if (event instanceof StatusChanged e && e.change() == StatusChanged.Change.RENEWED) {
                    renew.setDate(1, Date.valueOf(e.validFrom()));
                    renew.setString(2, idNumber);
                    renew.setString(3, e.department());
                    renew.setString(4, e.category());
                    renew.executeUpdate();
                } else if (event instanceof StatusChanged e) {
                    end.setDate(1, Date.valueOf(e.validFrom()));
                    end.setTimestamp(2, Timestamp.from(e.recordedAt()));
                    end.setString(3, idNumber);
                    end.setString(4, e.department());
                    end.setString(5, e.category());
                    end.executeUpdate();
                } else if (event instanceof PersonExcluded e) {
                    exclude.setString(1, idNumber);
                    exclude.setInt(2, e.policyYear());
                    exclude.setString(3, e.reason());
                    exclude.setTimestamp(4, Timestamp.from(e.recordedAt()));
                    exclude.executeUpdate();
                }
            }
        }
    }
}
