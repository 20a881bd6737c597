package org.districtledger.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A CloudEvents 1.0 record in Kafka binary mode: the attributes from the {@code ce_} headers, the data in the
 * value.
 *
 * @param subject the {@code ce_subject}, or {@code null} where the record has none
 * @param traceparent the trace the event belongs to: the {@code traceparent} header of the producer's span, else the
 *     CloudEvents distributed tracing extension ({@code ce_traceparent}); {@code null} where it has neither
 */
public record CloudEventRecord(
        String id, String type, String source, String subject, Instant time, String data, String traceparent) {

    /** Reads the record, or says exactly which attribute is missing or wrong. */
    public static CloudEventRecord read(ConsumerRecord<String, String> record) {
        String specVersion = header(record, "ce_specversion", true);
        if (!"1.0".equals(specVersion)) {
            throw new UnreadableRecordException("ce_specversion is " + specVersion + ", expected 1.0");
        }
        String id = header(record, "ce_id", true);
        if (id.isBlank()) {
            throw new UnreadableRecordException("ce_id is empty");
        }
        Instant time;
        try {
            String text = header(record, "ce_time", false);
            time = text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableRecordException("ce_time is not an RFC 3339 time");
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new UnreadableRecordException("the record has no data");
        }
        return new CloudEventRecord(
                id,
                header(record, "ce_type", true),
                header(record, "ce_source", true),
                header(record, "ce_subject", false),
                time,
                record.value(),
                Optional.ofNullable(header(record, "traceparent", false))
                        .orElseGet(() -> header(record, "ce_traceparent", false)));
    }

    /**
     * The record, if it comes from the one producer that may write it; one claiming another source cannot be applied
     * (it goes to the dead-letter topic with this reason).
     */
    public CloudEventRecord from(String producer) {
        if (!producer.equals(source)) {
            throw new UnreadableRecordException(
                    "ce_source is '" + source + "': only " + producer + " writes these events; not applied");
        }
        return this;
    }

    private static String header(ConsumerRecord<String, String> record, String name, boolean required) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            if (required) {
                throw new UnreadableRecordException("header " + name + " is missing");
            }
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
