package org.districtledger.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local stack's Kafka lets each identity do what it may and nothing more: a forged assignment or approval
 * cannot even reach its topic, and someone without credentials cannot sign in.
 */
class KafkaIdentitiesTest {

    private static Path data;
    private static LocalInfrastructure stack;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("ledger-identities");
        stack = LocalInfrastructure.start(new LocalInfrastructure.Settings(data, 0, 0, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void eachIdentityWritesOnlyItsOwnTopic() throws Exception {
        send(KafkaIdentities.REGISTRY.name(), "ledger.project-events");
        send(KafkaIdentities.TRACKER.name(), "ledger.tracker-alerts");
        send(KafkaIdentities.APPROVAL_BUREAU.name(), "ledger.approval-events");

        // a forged assignment (the tracker's topic) or approval, by anyone but its producer, is refused by the broker
        refused(KafkaIdentities.APPROVAL_BUREAU.name(), "ledger.tracker-alerts");
        refused(KafkaIdentities.REGISTRY.name(), "ledger.tracker-alerts");
        refused(KafkaIdentities.TRACKER.name(), "ledger.approval-events");
        refused(KafkaIdentities.TRACKER.name(), "ledger.project-events");
        refused(KafkaIdentities.DISTRICT_READER.name(), "ledger.project-events");
        refused(KafkaIdentities.DISTRICT_READER.name(), "ledger.approval-events");
    }

    @Test
    void anotherDistrictSystemReadsEveryLedgerTopicButTheBureauReadsNone() throws Exception {
        String marker = send(KafkaIdentities.REGISTRY.name(), "ledger.project-events");
        List<String> read =
                read(KafkaIdentities.DISTRICT_READER.name(), "district-reader-statistics", "ledger.project-events");
        assertTrue(read.contains(marker), "the reader sees the registry's record: " + read);

        Exception bureau = assertThrows(
                Exception.class,
                () -> read(KafkaIdentities.APPROVAL_BUREAU.name(), "approval-bureau-peek", "ledger.project-events"));
        assertTrue(bureau.getClass().getSimpleName().contains("Authorization"), bureau.toString());
    }

    @Test
    void aWrongPasswordCannotSignIn() {
        Map<String, Object> config = producerConfig(KafkaIdentities.REGISTRY.name());
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"project-registry\""
                        + " password=\"guessed\";");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            Exception failed = assertThrows(
                    Exception.class,
                    () -> producer.send(new ProducerRecord<>("ledger.project-events", "k", "v"))
                            .get(30, TimeUnit.SECONDS));
            Throwable cause = failed;
            while (cause.getCause() != null && !(cause instanceof SaslAuthenticationException)) {
                cause = cause.getCause();
            }
            assertInstanceOf(SaslAuthenticationException.class, cause, failed.toString());
        }
    }

    private String send(String identity, String topic) throws Exception {
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(identity))) {
            producer.send(new ProducerRecord<>(topic, marker, marker)).get(30, TimeUnit.SECONDS);
        }
        return marker;
    }

    private void refused(String identity, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(identity))) {
            Exception failed = assertThrows(
                    Exception.class,
                    () -> producer.send(new ProducerRecord<>(topic, "forged", "{}"))
                            .get(30, TimeUnit.SECONDS),
                    identity + " wrote " + topic);
            // not allowed on the topic, or (an identity that writes nothing at all) not even to start producing: the
            // refusal comes with the send's result, or from send itself once the producer knows it may not produce
            assertInstanceOf(AuthorizationException.class, authorization(failed), identity + " on " + topic);
        }
    }

    /** The authorization failure behind an exception, or the exception itself when there is none. */
    static Throwable authorization(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return cause;
            }
        }
        return failed;
    }

    private List<String> read(String identity, String group, String topic) {
        Map<String, Object> config = stack.kafka().clientConfig(identity);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (keys.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }

    private Map<String, Object> producerConfig(String identity) {
        Map<String, Object> config = new HashMap<>(stack.kafka().clientConfig(identity));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    @Test
    void thePasswordsAreKeptInTheDataFolderForItsOwnerOnly() throws Exception {
        Path file = data.resolve("kafka-credentials.properties");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KafkaIdentities again = KafkaIdentities.in(data);
        assertEquals(
                stack.kafka().identities().password(KafkaIdentities.REGISTRY.name()),
                again.password(KafkaIdentities.REGISTRY.name()),
                "the next start uses the same passwords");
    }
}
