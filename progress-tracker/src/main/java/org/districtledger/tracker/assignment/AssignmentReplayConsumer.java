package org.districtledger.tracker.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.contract.AlertEventType;
import org.districtledger.runtime.CloudEventRecord;
import org.districtledger.runtime.DatabaseRetry;
import org.districtledger.runtime.UnreadableRecordException;
import org.districtledger.runtime.metrics.DeadLettered;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the tracker's own {@code ledger.assignment.changed.v1} alerts back from {@code ledger.tracker-alerts}.
 * Live this changes nothing (the assignment is there already); replayed into an empty database it restores
 * every assignment, so that the tracker's whole state can be rebuilt from the topics.
 */
@ApplicationScoped
public class AssignmentReplayConsumer {

    private static final Logger LOG = Logger.getLogger(AssignmentReplayConsumer.class);

    private final AssignmentService assignments;
    private final DatabaseRetry retry;
    private final ObjectMapper json;

    public AssignmentReplayConsumer(AssignmentService assignments, DatabaseRetry retry, ObjectMapper json) {
        this.assignments = assignments;
        this.retry = retry;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("assignment-replay")
    @Blocking
    @DeadLettered
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        CloudEventRecord event;
        AssignmentView announced;
        try {
            event = CloudEventRecord.read(record).from("/progress-tracker");
            if (!AlertEventType.ASSIGNMENT_CHANGED.cloudEventType().equals(event.type())) {
                return;
            }
            JsonNode body = json.readTree(event.data());
            announced = json.treeToValue(body.path("assignment"), AssignmentView.class);
        } catch (RuntimeException | JsonProcessingException e) {
            // to ledger.tracker-alerts.tracker-dlq, with the reason (failure-strategy=dead-letter-queue)
            LOG.warnf(
                    "An unreadable record on ledger.tracker-alerts (offset %d) goes to the dead-letter topic: %s",
                    record.offset(), e.getMessage());
            throw new UnreadableRecordException(e.getMessage());
        }
        retry.untilReachable("the assignment of " + announced.projectCode(), () -> assignments.restore(announced));
    }
}
