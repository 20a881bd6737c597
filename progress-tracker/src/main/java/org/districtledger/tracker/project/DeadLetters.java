package org.districtledger.tracker.project;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.districtledger.runtime.metrics.LedgerMetrics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a record the tracker cannot apply to {@code ledger.project-events.tracker-dlq}, as it came, with the
 * reason and its origin in headers ({@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition}, {@code dead-letter-offset}). Waits for Kafka's acknowledgement, so that the
 * batch it came in is committed only once the record is safe.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Channel("project-events-dlq")
    MutinyEmitter<String> emitter;

    @Inject
    LedgerMetrics metrics;

    public void send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        emitter.sendMessage(
                        Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata))
                .await()
                .atMost(Duration.ofSeconds(60));
        metrics.deadLetter(record.topic(), reason);
        LOG.warnf(
                "Record %s-%d@%d (key %s) went to the dead-letter topic: %s",
                record.topic(), record.partition(), record.offset(), record.key(), reason);
    }
}
