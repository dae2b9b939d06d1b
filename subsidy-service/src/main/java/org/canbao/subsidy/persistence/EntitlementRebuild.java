package org.canbao.subsidy.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        try (PreparedStatement upsert = c.prepareStatement(EntitlementRows.UPSERT)) {
            for (StoredEvent stored : events) {
                if (!stored.isEvent() || !(stored.event() instanceof EntitlementChanged e)) {
                    continue;
                }
                JsonNode facts = stored.facts();
                EntitlementEntity row = new EntitlementEntity();
                row.personKey = e.personKey();
                row.policyYear = e.policyYear();
                row.tier = e.tier();
                row.state = e.state();
                row.hardship = e.hardship();
                row.subsidy = e.subsidy();
                row.personalDue = e.personalDue();
                row.paid = e.paid();
                row.enrolledAt = e.enrolledAt();
                row.updatedAt = stored.recordedAt();
                row.grantingCategory = facts.hasNonNull("grantingCategory") ? facts.get("grantingCategory").asText() : null;
                row.retroactiveDue = money(facts, "retroactiveDue");
                row.refundDue = money(facts, "refundDue");
                row.region = facts.hasNonNull("region") ? facts.get("region").asText() : defaultRegion;
                // a row at a time: a stream's later event in the same list overwrites its earlier one
                EntitlementRows.bind(upsert, row);
                upsert.executeUpdate();
            }
        }
    }

    private static BigDecimal money(JsonNode facts, String field) {
        JsonNode value = facts.path(field);
        return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }
}
