package org.districtledger.registry;

import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.districtledger.contract.AlertEventType;
import org.districtledger.testsupport.EventContract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Announces a project's task force and leader as the tracker does (ledger.assignment.changed.v1), and waits for it. */
public final class Assignments {

    private Assignments() {}

    /** An assignment event as the tracker publishes it, from the source given. */
    public static void announce(
            String bootstrapServers,
            String source,
            String code,
            long version,
            String taskForce,
            String leaderAccount,
            String... members) {
        StringBuilder people = new StringBuilder();
        for (String member : members) {
            people.append(people.isEmpty() ? "" : ", ")
                    .append("{\"name\": \"成员")
                    .append(member)
                    .append("\", \"account\": \"")
                    .append(member)
                    .append("\"}");
        }
        String assignment = "{\"projectCode\": \"" + code
                + "\", \"projectName\": null, \"leader\": {\"name\": \"刘振东\", \"title\": \"副区长\", \"account\": "
                + (leaderAccount == null ? "null" : "\"" + leaderAccount + "\"") + "}, \"taskForce\": {\"name\": \""
                + taskForce
                + "\", \"leadDepartment\": \"区住建委\", \"members\": [" + people + "]}, \"version\": " + version
                + ", \"changedBy\": \"office\", \"changedAt\": \"2023-03-01T00:00:00Z\"}";
        // held to the tracker's published schema of ledger.assignment.changed.v1
        String data = "{\"code\": \"" + code + "\", \"sequence\": " + (version + 1) + ", \"assignment\": " + assignment
                + ", \"previous\": null}";
        ProducerRecord<String, String> record = EventContract.record(
                "ledger.tracker-alerts", source, AlertEventType.ASSIGNMENT_CHANGED.cloudEventType(), code, data);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
        }
    }

    /** Waits until the registry has applied the project's assignment of that version. */
    public static void awaitAccess(AgroalDataSource dataSource, String code, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection db = dataSource.getConnection();
                    PreparedStatement query = db.prepareStatement(
                            "SELECT assignment_version FROM project_access WHERE project_code = ?")) {
                query.setString(1, code);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && row.getLong(1) == version;
                }
            }
        });
    }
}
