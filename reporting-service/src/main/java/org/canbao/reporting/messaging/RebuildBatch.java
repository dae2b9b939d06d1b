package org.canbao.reporting.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.inbox.Inbox;
import org.canbao.reporting.persistence.ProjectionWriter;
import org.jboss.logging.Logger;

/** A poll's records of one topic, read as events, with what writes that topic's events into the projection tables. */
record RebuildBatch<T extends CanbaoEvent>(Inbox.Batch<T> batch, RebuildBatch.Writer<T> writer) {
    private static final Logger LOG = Logger.getLogger(RebuildBatch.class);

    /** What writes a topic's admitted events into the projection tables. */
    @FunctionalInterface
    interface Writer<T> {
        void write(Connection c, List<T> events) throws SQLException;
    }

    static RebuildBatch<?> of(String topic, List<String> records) {
        return switch (topic) {
            case "identity-verified" -> new RebuildBatch<>(Inbox.decode(records, IdentityVerified.class), ProjectionWriter::persons);
            case "status-changed" -> new RebuildBatch<>(Inbox.decode(records, StatusChanged.class), ProjectionWriter::statusChanges);
            case "entitlement-changed" -> new RebuildBatch<>(Inbox.decode(records, EntitlementChanged.class), ProjectionWriter::entitlements);
            case "person-excluded" -> new RebuildBatch<>(Inbox.decode(records, PersonExcluded.class), ProjectionWriter::exclusions);
            case "payment-received" -> new RebuildBatch<>(Inbox.decode(records, PaymentReceived.class), ProjectionWriter::payments);
            case "payment-reversed" -> new RebuildBatch<>(Inbox.decode(records, PaymentReversed.class), ProjectionWriter::reversals);
            default -> throw new IllegalStateException("not an input of the projection: " + topic);
        };
    }

    /**
     * A batch that fails is written again a record at a time, and a record that fails alone is left out, as the
     * live consumer left it out (it went to the dead letters when it was read): the rebuilt figures are the live ones.
     */
    void apply(Connection c) throws SQLException {
        if (write(c, batch) == null) {
            return;
        }
        for (Inbox.Batch<T> single : batch.each()) {
            Exception failed = write(c, single);
            if (failed != null) {
                LOG.warnf("rebuild left out a record no consumer can apply (a dead letter when read live): %s",
                        IdNumber.scrub(failed.getClass().getSimpleName() + ": " + failed.getMessage()));
            }
        }
    }

    /**
     * Writes under a savepoint; on a failure of the events (not of the database: a data or constraint error, or
     * one in Java), back to it, and the failure.
     */
    private Exception write(Connection c, Inbox.Batch<T> events) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            writer.write(c, Inbox.admitAlone(c, events));
            c.releaseSavepoint(before);
            return null;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (!state.startsWith("22") && !state.startsWith("23")) {
                throw e;
            }
            c.rollback(before);
            return e;
        } catch (RuntimeException e) {
            c.rollback(before);
            return e;
        }
    }
}
