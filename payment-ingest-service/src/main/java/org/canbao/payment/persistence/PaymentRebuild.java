package org.canbao.payment.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.canbao.platform.eventstore.StoreRebuild;
import org.canbao.platform.eventstore.StoredEvent;

/** Payments by receipt, rebuilt from the receipt streams: each confirmation, then its reversal if any. */
@ApplicationScoped
public class PaymentRebuild implements ProjectionRebuilder {
    private static final String RECEIVED = """
            insert into payment (receipt_id, person_key, masked_id, policy_year, tier, amount, channel, paid_at, tax_office,
                fingerprint, recorded_at, flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (receipt_id) do nothing
            """;
    private static final String REVERSED = "update payment set reversed_at = ?, reversal_reason = ? where receipt_id = ?";

    private final DataSource dataSource;

    public PaymentRebuild(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Result rebuild() throws SQLException {
        return StoreRebuild.run(dataSource, List.of("payment"), PaymentRebuild::apply);
    }

    static void apply(Connection c, List<StoredEvent> events) throws SQLException {
        try (PreparedStatement received = c.prepareStatement(RECEIVED); PreparedStatement reversed = c.prepareStatement(REVERSED)) {
            for (StoredEvent stored : events) {
                if (!stored.isEvent()) {
                    continue;
                }
                CanbaoEvent event = stored.event();
                if (event instanceof PaymentReceived e) {
                    JsonNode facts = stored.facts();
                    received.setString(1, e.receiptId());
                    received.setString(2, e.personKey());
                    received.setString(3, facts.path("maskedId").asText());
                    received.setInt(4, e.policyYear());
                    received.setInt(5, e.tier());
                    received.setBigDecimal(6, e.amount());
                    received.setString(7, e.channel());
                    received.setObject(8, e.paidAt());
                    received.setString(9, e.taxOffice());
                    received.setString(10, facts.path("fingerprint").asText());
                    received.setTimestamp(11, Timestamp.from(e.recordedAt()));
                    received.setString(12, facts.hasNonNull("flags") ? facts.get("flags").asText() : null);
                    received.executeUpdate();
                } else if (event instanceof PaymentReversed e) {
                    reversed.setObject(1, e.reversedAt());
                    reversed.setString(2, e.reason());
                    reversed.setString(3, e.receiptId());
                    reversed.executeUpdate();
                }
            }
        }
    }
}
