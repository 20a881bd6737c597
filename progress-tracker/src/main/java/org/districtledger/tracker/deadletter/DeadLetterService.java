package org.districtledger.tracker.deadletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.tracker.project.ProjectEventConsumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dead letters of the registry's events, for the office's operators: listed, read whole, and re-driven once
 * their cause is fixed (a tracker that now knows an event type, a producer set right). A re-driven record is taken
 * exactly as it first came, through the same checks; if it still cannot be applied it goes back to the dead-letter
 * topic with its new reason. Each re-drive is recorded, and a record is re-driven once.
 */
@ApplicationScoped
public class DeadLetterService {

    static final int MAX_LISTED = 500;

    private final DeadLetterTopic topic;
    private final ProjectEventConsumer consumer;

    public DeadLetterService(DeadLetterTopic topic, ProjectEventConsumer consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    public List<DeadLetterView> newest(int limit) {
        List<ConsumerRecord<String, String>> records = topic.newest(limit);
        Map<String, DeadLetterRedrive> redrives = QuarkusTransaction.requiringNew()
                .call(() -> DeadLetterRedrive.on(topic.name()).stream()
                        .collect(Collectors.toMap(r -> r.partition + "@" + r.offset, Function.identity())));
        return records.stream()
                .limit(limit)
                .map(r -> DeadLetterView.of(r, redrives.get(r.partition() + "@" + r.offset()), false))
                .toList();
    }

    public DeadLetterView one(int partition, long offset) {
        ConsumerRecord<String, String> record = require(partition, offset);
        return DeadLetterView.of(record, redriveOf(partition, offset), true);
    }

    /** Takes the record again as it first came; answers what became of it. */
    public DeadLetterView redrive(int partition, long offset, String actor) throws InterruptedException {
        ConsumerRecord<String, String> record = require(partition, offset);
        DeadLetterRedrive earlier = redriveOf(partition, offset);
        if (earlier != null) {
            throw new HttpProblemException(
                    409,
                    "already-redriven",
                    "Already re-driven",
                    "the record " + partition + "@" + offset + " was re-driven by " + earlier.redrivenBy + " at "
                            + earlier.redrivenAt + " (" + earlier.outcome + ")"
                            + ("dead-lettered".equals(earlier.outcome) ? "; re-drive its new dead letter instead" : ""),
                    List.of());
        }
        ConsumerRecord<String, String> original = original(record);
        ProjectEventConsumer.Redriven result = consumer.redrive(original);
        DeadLetterRedrive redrive = new DeadLetterRedrive();
        redrive.topic = topic.name();
        redrive.partition = partition;
        redrive.offset = offset;
        redrive.outcome = result.outcome() == null
                ? "dead-lettered"
                : result.outcome().name().toLowerCase(Locale.ROOT);
        redrive.reason = result.deadLettered();
        redrive.redrivenBy = actor;
        redrive.redrivenAt = Instant.now();
        QuarkusTransaction.requiringNew().run(redrive::persist);
        return DeadLetterView.of(record, redrive, true);
    }

    private ConsumerRecord<String, String> require(int partition, long offset) {
        return topic.at(partition, offset)
                .orElseThrow(() ->
                        HttpProblemException.notFound("Dead letter", partition + "@" + offset + " of " + topic.name()));
    }

    private DeadLetterRedrive redriveOf(int partition, long offset) {
        return QuarkusTransaction.requiringNew().call(() -> DeadLetterRedrive.of(topic.name(), partition, offset));
    }

    /** The record as it came on its first topic: that topic, partition and offset, its key, value and headers. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> dead) {
        RecordHeaders headers = new RecordHeaders();
        dead.headers().forEach(h -> {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h);
            }
        });
        String fromTopic = header(dead, "dead-letter-topic").orElseThrow(() -> unreadable(dead, "dead-letter-topic"));
        int fromPartition = Integer.parseInt(
                header(dead, "dead-letter-partition").orElseThrow(() -> unreadable(dead, "dead-letter-partition")));
        long fromOffset = Long.parseLong(
                header(dead, "dead-letter-offset").orElseThrow(() -> unreadable(dead, "dead-letter-offset")));
        return new ConsumerRecord<>(
                fromTopic,
                fromPartition,
                fromOffset,
                dead.timestamp(),
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                dead.key(),
                dead.value(),
                headers,
                Optional.empty());
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private static HttpProblemException unreadable(ConsumerRecord<String, String> record, String header) {
        return new HttpProblemException(
                422,
                "not-a-dead-letter",
                "Not a dead letter",
                "the record " + record.partition() + "@" + record.offset() + " has no " + header
                        + " header: it was not put there by the tracker and cannot be re-driven",
                List.of());
    }
}
