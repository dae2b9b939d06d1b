package org.canbao.subsidy.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.platform.config.CanbaoConfig;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.canbao.platform.eventstore.StoreRebuild;
import org.canbao.platform.eventstore.StoredEvent;

/**
 * The entitlements last told to the others, rebuilt from the entitlement streams: each row is its stream's
 * last event with the ledger facts kept beside it. (Spells, payments and reversals are this service's copies of
 * other services' events; they come from the topics.)
 */
@ApplicationScoped
public class EntitlementRebuild implements ProjectionRebuilder {
    private static final String UPSERT = """
            insert into entitlement (person_key, policy_year, tier, state, hardship, subsidy, personal_due, paid, enrolled_at,
                updated_at, granting_category, retroactive_due, refund_due, region) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (person_key, policy_year) do update set tier = excluded.tier, state = excluded.state,
                hardship = excluded.hardship, subsidy = excluded.subsidy, personal_due = excluded.personal_due,
                paid = excluded.paid, enrolled_at = excluded.enrolled_at, updated_at = excluded.updated_at,
                granting_category = excluded.granting_category, retroactive_due = excluded.retroactive_due,
                refund_due = excluded.refund_due, region = excluded.region
            """;

    private final DataSource dataSource;
    private final String defaultRegion;

    public EntitlementRebuild(DataSource dataSource, CanbaoConfig config) {
        this.dataSource = dataSource;
        this.defaultRegion = config.defaultRegion();
    }

    @Override
    public Result rebuild() throws SQLException {
        return StoreRebuild.run(dataSource, List.of("entitlement"), (c, events) -> apply(c, events, defaultRegion));
    }

    /** Events from before regions have no region in their facts: the default region decided them. */
    static void apply(Connection c, List<StoredEvent> events, String defaultRegion) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            for (StoredEvent stored : events) {
                if (!stored.isEvent() || !(stored.event() instanceof EntitlementChanged e)) {
                    continue;
                }
                JsonNode facts = stored.facts();
                upsert.setString(1, e.personKey());
                upsert.setInt(2, e.policyYear());
                upsert.setInt(3, e.tier());
                upsert.setString(4, e.state());
                upsert.setBoolean(5, e.hardship());
                upsert.setBigDecimal(6, e.subsidy());
                upsert.setBigDecimal(7, e.personalDue());
                upsert.setBigDecimal(8, e.paid());
                upsert.setObject(9, e.enrolledAt());
                upsert.setTimestamp(10, Timestamp.from(stored.recordedAt()));
                upsert.setString(11, facts.path("grantingCategory").isNull() || facts.path("grantingCategory").isMissingNode()
                        ? null : facts.path("grantingCategory").asText());
                upsert.setBigDecimal(12, money(facts, "retroactiveDue"));
                upsert.setBigDecimal(13, money(facts, "refundDue"));
                upsert.setString(14, facts.hasNonNull("region") ? facts.get("region").asText() : defaultRegion);
                upsert.executeUpdate();
            }
        }
    }

    private static BigDecimal money(JsonNode facts, String field) {
        JsonNode value = facts.path(field);
        return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }
}
