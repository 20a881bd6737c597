package org.districtledger.tracker.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.districtledger.runtime.Retention;
import org.districtledger.tracker.TrackerInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nightly purge keeps the outbox and the inbox short, and only what the retention lets go of. */
@QuarkusTest
@WithTestResource(TrackerInfrastructure.class)
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishedOutboxRowsAfterThirtyDaysAndInboxRowsAfterAYearGoTheRestStays() throws SQLException {
        Instant now = Instant.now();
        String old = outbox("RT-OLD", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));
        String recent = outbox("RT-NEW", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(2)));
        UUID oldInbox = inbox(now.minus(Duration.ofDays(400)));
        UUID recentInbox = inbox(now.minus(Duration.ofDays(300)));

        Map<String, Integer> purged = retention.purge(now);

        assertTrue(purged.get("outbox_event") >= 1, purged.toString());
        assertEquals(
                0, count("SELECT count(*) FROM outbox_event WHERE event_id::text = ?", old), "published 40 days ago");
        assertEquals(
                1, count("SELECT count(*) FROM outbox_event WHERE event_id::text = ?", recent), "published 2 days ago");
        assertEquals(0, count("SELECT count(*) FROM processed_event WHERE event_id::text = ?", oldInbox.toString()));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id::text = ?", recentInbox.toString()));
        assertTrue(purged.containsKey("processed_alert"), "every inbox table named: " + purged);
    }

    private String outbox(String code, Instant occurred, Instant published) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO outbox_event (event_id, event_type, aggregate_code, sequence, occurred_at, payload,"
                                + " published_at) VALUES (?::uuid, 'ledger.retention-test.v1', ?, 1, ?, '{}', ?)")) {
            insert.setString(1, id);
            insert.setString(2, code + "-" + id.substring(0, 8));
            insert.setTimestamp(3, Timestamp.from(occurred));
            insert.setTimestamp(4, Timestamp.from(published));
            insert.executeUpdate();
        }
        return id;
    }

    private UUID inbox(Instant processed) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO processed_event (event_id, project_code, sequence, event_type, outcome, processed_at)"
                                + " VALUES (?, 'RT-INBOX', 1, 'ledger.project.updated.v1', 'APPLIED', ?)")) {
            insert.setObject(1, id);
            insert.setTimestamp(2, Timestamp.from(processed));
            insert.executeUpdate();
        }
        return id;
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
