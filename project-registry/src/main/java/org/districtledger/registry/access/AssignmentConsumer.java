package org.districtledger.registry.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.districtledger.contract.AlertEventType;
import org.districtledger.runtime.CloudEventRecord;
import org.districtledger.runtime.DatabaseRetry;
import org.districtledger.runtime.UnreadableRecordException;
import org.districtledger.runtime.metrics.DeadLettered;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;

/**
 * Reads the tracker's {@code ledger.tracker-alerts} for {@code ledger.assignment.changed.v1}: the task forces
 * and leaders that may write each project. Flag alerts on the same topic are not the registry's business and
 * pass by; an assignment that cannot be read goes to {@code ledger.tracker-alerts.registry-dlq} with the reason.
 */
@ApplicationScoped
public class AssignmentConsumer {

    private final AccessService access;
    private final DatabaseRetry retry;
    private final ObjectMapper json;

    public AssignmentConsumer(AccessService access, DatabaseRetry retry, ObjectMapper json) {
        this.access = access;
        this.retry = retry;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("assignment-changes")
    @Blocking
    @DeadLettered
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null
                || !AlertEventType.ASSIGNMENT_CHANGED
                        .cloudEventType()
                        .equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        // only the tracker announces assignments: one claiming another source grants nothing
        CloudEventRecord event = CloudEventRecord.read(record).from("/progress-tracker");
        AssignmentAnnounced announced;
        try {
            // the event's data is {code, sequence, assignment, previous}: the assignment as it now stands is inside
            announced = json.treeToValue(json.readTree(event.data()).path("assignment"), AssignmentAnnounced.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("the data is not an assignment: " + e.getOriginalMessage());
        }
        if (announced == null
                || announced.projectCode() == null
                || announced.version() == null
                || announced.taskForce() == null) {
            throw new UnreadableRecordException("the data's assignment names its projectCode, version and taskForce");
        }
        retry.untilReachable("assignment " + event.id(), () -> {
            access.apply(event.id(), announced);
            return null;
        });
    }
}
