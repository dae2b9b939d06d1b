package org.canbao.enrollment.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.canbao.infra.LocalInfraResource;
import org.canbao.platform.eventstore.EventRelay;
import org.junit.jupiter.api.Test;

/**
 * The relay's reads on the real database, against temporary copies of the store and its checkpoint (rolled back):
 * the order it sends in, and the backlog it reports.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class RelayQueriesTest {
    @Inject
    DataSource dataSource;

    /** Five events: transactions 9, 10 (two), 99 and 100, their positions not in transaction order. */
    private static void temporaryStore(Statement s) throws SQLException {
        s.execute("create temp table event_store on commit drop as select * from event_store limit 0");
        s.execute("insert into event_store (position, tx_id, topic, record_key, payload) values "
                + "(1, '10', 't', 'k', 'p'), (2, '10', 't', 'k', 'p'), (3, '9', 't', 'k', 'p'), "
                + "(4, '99', 't', 'k', 'p'), (5, '100', 't', 'k', 'p')");
    }

    @Test
    void theRelayReadsTransactionsInNumberOrderWhereTheirIdsGainADigit() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                temporaryStore(s);
            }
            assertEquals(List.of(3L, 1L, 2L, 4L, 5L), positions(EventRelay.after(c, "0", 0, 10)));
            assertEquals(List.of(3L, 1L), positions(EventRelay.after(c, "0", 0, 2)));
            assertEquals(List.of(2L, 4L, 5L), positions(EventRelay.after(c, "10", 1, 10)));
            assertEquals(List.of(4L, 5L), positions(EventRelay.after(c, "10", 2, 10)));
            c.rollback();
        }
    }

    @Test
    void theBacklogIsCountedExactlyUpToAThousandAndEstimatedFromPositionsBeyond() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                temporaryStore(s);
                s.execute("create temp table relay_checkpoint on commit drop as select * from relay_checkpoint");
                s.execute("create temp sequence event_store_position_seq");
                s.execute("select setval('event_store_position_seq', 5)");
                s.execute("update relay_checkpoint set tx_id = '9', position = 3");
                assertEquals(4, EventRelay.backlog(c), "after (9, 3) in the relay's order: 1, 2, 4 and 5");
                s.execute("update relay_checkpoint set tx_id = '100', position = 5");
                assertEquals(0, EventRelay.backlog(c), "all sent, whatever the order of the positions");
                // 1,500 more in one later transaction, after a gap of 100 positions left by a rollback
                s.execute("insert into event_store (position, tx_id, topic, record_key, payload) "
                        + "select p, '200', 't', 'k', 'p' from generate_series(106, 1605) p");
                s.execute("select setval('event_store_position_seq', 1605)");
                assertEquals(1_600, EventRelay.backlog(c), "beyond a thousand: the positions drawn after the checkpoint's");
                s.execute("update relay_checkpoint set tx_id = '200', position = 1100");
                assertEquals(505, EventRelay.backlog(c), "back below a thousand: counted again");
            }
            c.rollback();
        }
    }

    private static List<Long> positions(List<EventRelay.Row> rows) {
        return rows.stream().map(EventRelay.Row::position).toList();
    }
}
