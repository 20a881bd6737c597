package org.districtledger.tracker.deadletter;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.districtledger.runtime.HttpProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracker's dead-letter topic, read as it stands: with the tracker's own Kafka identity (which may read it), by
 * partition and offset, without a consumer group, so that reading it commits nothing and moves no one's position.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Duration READ_FOR = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final String topic;

    public DeadLetterTopic(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.outgoing.project-events-dlq.topic") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    public String name() {
        return topic;
    }

    /** The newest records, at most {@code limit} of each partition, newest first. */
    public List<ConsumerRecord<String, String>> newest(int limit) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - limit));
            }
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_FOR.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            records.sort(Comparator.comparing((ConsumerRecord<String, String> r) -> r.timestamp())
                    .thenComparing(ConsumerRecord::offset)
                    .reversed());
            return records;
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    /** The record at {@code offset} of {@code partition}, if the topic still holds it. */
    public Optional<ConsumerRecord<String, String>> at(int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            if (partitions(consumer).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            TopicPartition where = new TopicPartition(topic, partition);
            consumer.assign(List.of(where));
            long end = consumer.endOffsets(List.of(where)).get(where);
            long start = consumer.beginningOffsets(List.of(where)).get(where);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + READ_FOR.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
            }
            throw new KafkaException("the record " + partition + "@" + offset + " could not be read within "
                    + READ_FOR.toSeconds() + " s");
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    /** Kafka away: a 503 the operator can retry, as for the database. */
    private HttpProblemException unavailable(KafkaException e) {
        return new HttpProblemException(
                503,
                "kafka-unavailable",
                "Kafka unavailable",
                "the dead-letter topic " + topic + " cannot be read now: " + e.getMessage(),
                List.of());
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, READ_FOR)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "progress-tracker-dead-letters");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
