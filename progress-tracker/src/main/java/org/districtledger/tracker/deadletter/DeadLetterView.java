package org.districtledger.tracker.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record on the dead-letter topic, as an operator reads it: where it came from, why it is there, and whether it
 * was re-driven. The value and every header only when one record is asked for.
 *
 * @param partition its partition on the dead-letter topic
 * @param offset its offset there: with the partition, what names it for a re-drive
 * @param from the topic, partition and offset it first came on (none for a record the tracker did not put there)
 */
public record DeadLetterView(
        int partition,
        long offset,
        String key,
        String reason,
        String from,
        String type,
        String source,
        Instant deadLetteredAt,
        Redrive redrive,
        Map<String, String> headers,
        String value) {

    /** What the re-drive of the record did. */
    public record Redrive(String outcome, String reason, String by, Instant at) {

        static Redrive of(DeadLetterRedrive redrive) {
            return redrive == null
                    ? null
                    : new Redrive(redrive.outcome, redrive.reason, redrive.redrivenBy, redrive.redrivenAt);
        }
    }

    static DeadLetterView of(ConsumerRecord<String, String> record, DeadLetterRedrive redrive, boolean whole) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetterView(
                record.partition(),
                record.offset(),
                record.key(),
                headers.get("dead-letter-reason"),
                headers.containsKey("dead-letter-topic")
                        ? headers.get("dead-letter-topic") + "-" + headers.get("dead-letter-partition") + "@"
                                + headers.get("dead-letter-offset")
                        : null,
                headers.get("ce_type"),
                headers.get("ce_source"),
                Instant.ofEpochMilli(record.timestamp()),
                Redrive.of(redrive),
                whole ? headers : null,
                whole ? record.value() : null);
    }
}
