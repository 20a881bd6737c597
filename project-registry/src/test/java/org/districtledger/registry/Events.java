package org.districtledger.registry;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads {@code ledger.project-events} from the start, as another district system would. */
public final class Events implements AutoCloseable {

    public static final String TOPIC = "ledger.project-events";

    private final ConsumerTask<String, String> records;

    public Events(KafkaCompanion kafka, String topic) {
        records = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic);
    }

    public static Events of(KafkaCompanion kafka) {
        return new Events(kafka, TOPIC);
    }

    public List<ConsumerRecord<String, String>> of(String key) {
        return records.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits until {@code count} records with the key have arrived, then a moment more for any duplicate. */
    public List<ConsumerRecord<String, String>> await(String key, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> of(key).size() >= count);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return of(key);
    }

    /** Waits until a record that matches has arrived; returns those that match. */
    public List<ConsumerRecord<String, String>> awaitMatching(Predicate<ConsumerRecord<String, String>> matching) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> records.getRecords().stream().anyMatch(matching));
        return records.getRecords().stream().filter(matching).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        records.stop();
    }
}
