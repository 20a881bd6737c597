package org.districtledger.registry.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.contract.ApprovalEventType;
import org.districtledger.runtime.CloudEventRecord;
import org.districtledger.runtime.DatabaseRetry;
import org.districtledger.runtime.UnreadableRecordException;
import org.districtledger.runtime.metrics.DeadLettered;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the approval bureau's {@code ledger.approval-events}. A record that is malformed or names no
 * project on the ledger goes to {@code ledger.approval-events.dlq} with the reason; the consumer goes on.
 */
@ApplicationScoped
public class ApprovalConsumer {

    private final ApprovalService approvals;
    private final DatabaseRetry retry;
    private final ObjectMapper json;
    private final String bureau;

    public ApprovalConsumer(
            ApprovalService approvals,
            DatabaseRetry retry,
            ObjectMapper json,
            @ConfigProperty(name = "ledger.approval.source", defaultValue = "/approval-bureau") String bureau) {
        this.approvals = approvals;
        this.retry = retry;
        this.bureau = bureau;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("approval-events")
    @Blocking
    @DeadLettered
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        CloudEventRecord event = CloudEventRecord.read(record).from(bureau);
        if (!ApprovalEventType.GRANTED.cloudEventType().equals(event.type())) {
            throw new UnreadableRecordException(
                    "ce_type " + event.type() + " is not " + ApprovalEventType.GRANTED.cloudEventType());
        }
        ApprovalGranted approval;
        try {
            approval = json.readValue(event.data(), ApprovalGranted.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("the data is not a granted permit: " + e.getOriginalMessage());
        }
        retry.untilReachable("permit " + event.id(), () -> approvals.apply(event.id(), event.source(), approval));
    }
}
