package org.districtledger.tracker.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.runtime.CloudEventRecord;
import org.districtledger.runtime.UnreadableRecordException;

import java.time.Instant;
import java.util.UUID;

/**
 * A registry event as read from {@code ledger.project-events}: CloudEvents 1.0 in binary mode, the body
 * carrying the project's sequence number and its whole state after the change.
 *
 * @param id the CloudEvents id
 * @param type the CloudEvents type, e.g. {@code ledger.project.registered.v1}
 * @param code the ledger code (record key and CloudEvents subject)
 * @param time when the change happened
 * @param sequence the project's event sequence number
 * @param change what changed, as the event type describes it
 * @param project the project's state after the change
 * @param traceparent the W3C trace context of the change, or {@code null} (tracing off, or another producer)
 */
public record ProjectEvent(
        UUID id,
        String type,
        String code,
        Instant time,
        long sequence,
        JsonNode change,
        JsonNode project,
        String traceparent) {

    /** The only producer of project events: the registry's outbox relay. */
    public static final String REGISTRY = "/project-registry";

    public static final String TYPE_PREFIX = "ledger.project.";

    /** Reads a record, or says exactly why it cannot be read. */
    public static ProjectEvent read(ConsumerRecord<String, String> record, ObjectMapper json) {
        CloudEventRecord event = CloudEventRecord.read(record).from(REGISTRY);
        UUID id;
        try {
            id = UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("ce_id is not a UUID");
        }
        if (!event.type().startsWith(TYPE_PREFIX)) {
            throw new UnreadableRecordException("ce_type " + event.type() + " is not a project event");
        }
        if (event.time() == null) {
            throw new UnreadableRecordException("header ce_time is missing");
        }
        JsonNode body;
        try {
            body = json.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null
                || !body.path("sequence").canConvertToLong()
                || body.path("sequence").asLong() < 1) {
            throw new UnreadableRecordException("the body has no positive sequence number");
        }
        JsonNode project = body.path("project");
        String code = project.path("code").asText("");
        if (code.isEmpty() || !code.equals(record.key())) {
            throw new UnreadableRecordException(
                    "the project code in the body (" + code + ") is not the record key (" + record.key() + ")");
        }
        for (String field : new String[] {"name", "pool", "planYear", "totalInvestment", "annualPlanInvestment"}) {
            if (project.path(field).isMissingNode() || project.path(field).isNull()) {
                throw new UnreadableRecordException("the project in the body has no " + field);
            }
        }
        return new ProjectEvent(
                id,
                event.type(),
                code,
                event.time(),
                body.get("sequence").asLong(),
                body.path("change"),
                project,
                event.traceparent());
    }
}
