package org.districtledger.tracker;

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

/** Reads {@code ledger.tracker-alerts} from the start, as the supervision office's system would. */
public final class AlertsTopic implements AutoCloseable {

    private final ConsumerTask<String, String> records;

    public AlertsTopic(KafkaCompanion kafka) {
        records = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics("ledger.tracker-alerts");
    }

    public List<ConsumerRecord<String, String>> of(String code, String type) {
        return records.getRecords().stream()
                .filter(r -> code.equals(r.key()) && type.equals(header(r, "ce_type")))
                .toList();
    }

    public ConsumerRecord<String, String> await(String code, String type) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !of(code, type).isEmpty());
        return of(code, type).get(0);
    }

    /** The first alert of a type about one rule's flag on the project. */
    public ConsumerRecord<String, String> await(String code, String type, String rule) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !of(code, type, rule).isEmpty());
        return of(code, type, rule).get(0);
    }

    public List<ConsumerRecord<String, String>> of(String code, String type, String rule) {
        return of(code, type).stream()
                .filter(r -> r.value().contains("\"rule\":\"" + rule + "\""))
                .toList();
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
