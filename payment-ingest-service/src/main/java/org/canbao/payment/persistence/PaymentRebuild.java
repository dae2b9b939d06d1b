package org.canbao.payment.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        try (PreparedStatement received = c.prepareStatement(PaymentRows.INSERT); PreparedStatement reversed = c.prepareStatement(REVERSED)) {
            for (StoredEvent stored : events) {
                if (!stored.isEvent()) {
                    continue;
                }
                CanbaoEvent event = stored.event();
                if (event instanceof PaymentReceived e) {
                    JsonNode facts = stored.facts();
                    Payment payment = new Payment();
                    payment.receiptId = e.receiptId();
                    payment.personKey = e.personKey();
                    payment.maskedId = facts.path("maskedId").asText();
                    payment.policyYear = e.policyYear();
                    payment.tier = e.tier();
                    payment.amount = e.amount();
                    payment.channel = e.channel();
                    payment.paidAt = e.paidAt();
                    payment.taxOffice = e.taxOffice();
                    payment.fingerprint = facts.path("fingerprint").asText();
                    payment.recordedAt = e.recordedAt();
                    payment.flags = facts.hasNonNull("flags") ? facts.get("flags").asText() : null;
                    PaymentRows.bind(received, payment);
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
