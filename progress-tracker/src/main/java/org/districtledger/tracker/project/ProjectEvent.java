package org.districtledger.tracker.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * @param project the project's state after the change
 */
public record ProjectEvent(UUID id, String type, String code, Instant time, long sequence, JsonNode project) {

    public static final String TYPE_PREFIX = "ledger.project.";

    /** Reads a record, or says exactly why it cannot be read. */
    public static ProjectEvent read(ConsumerRecord<String, String> record, ObjectMapper json) {
        String specVersion = header(record, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new UnreadableEventException("ce_specversion is " + specVersion + ", expected 1.0");
        }
        UUID id;
        try {
            id = UUID.fromString(header(record, "ce_id"));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("ce_id is not a UUID");
        }
        String type = header(record, "ce_type");
        if (!type.startsWith(TYPE_PREFIX)) {
            throw new UnreadableEventException("ce_type " + type + " is not a project event");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(header(record, "ce_time")).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("ce_time is not an RFC 3339 time");
        }
        if (record.value() == null) {
            throw new UnreadableEventException("the record has no body");
        }
        JsonNode body;
        try {
            body = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.path("sequence").canConvertToLong() || body.path("sequence").asLong() < 1) {
            throw new UnreadableEventException("the body has no positive sequence number");
        }
        JsonNode project = body.path("project");
        String code = project.path("code").asText("");
        if (code.isEmpty() || !code.equals(record.key())) {
            throw new UnreadableEventException("the project code in the body (" + code + ") is not the record key (" + record.key() + ")");
        }
        for (String field : new String[] {"name", "pool", "planYear", "totalInvestment", "annualPlanInvestment"}) {
            if (project.path(field).isMissingNode() || project.path(field).isNull()) {
                throw new UnreadableEventException("the project in the body has no " + field);
            }
        }
        return new ProjectEvent(id, type, code, time, body.get("sequence").asLong(), project);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableEventException("header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that is not a project event the tracker can read; it goes to the dead-letter topic. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String reason) {
            super(reason);
        }
    }
}
