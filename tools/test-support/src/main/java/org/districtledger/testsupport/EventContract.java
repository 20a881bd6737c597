package org.districtledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The events of the ledger as their producers publish them, checked against the JSON Schemas the producers publish
 * (in ledger-contract, served by both services under {@code /asyncapi/schemas/}). A consumer's test builds the
 * records it feeds in here, so a test event that drifts from what the producer sends fails where it is made;
 * a record made to be refused says so by being built {@link #offContract off contract}.
 */
public final class EventContract {

    /** Where the schemas say they live ({@code $id}); read from the class path. */
    public static final String SCHEMAS = "https://district-ledger.org/schemas/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    mappers -> mappers.mapPrefix(SCHEMAS, "classpath:META-INF/resources/asyncapi/schemas/")));
    private static final ConcurrentHashMap<String, JsonSchema> BY_TYPE = new ConcurrentHashMap<>();

    private EventContract() {}

    /** The published schema of an event type, e.g. {@code ledger.project.registered.v1}. */
    public static JsonSchema schema(String type) {
        return BY_TYPE.computeIfAbsent(type, t -> FACTORY.getSchema(SchemaLocation.of(SCHEMAS + t + ".json")));
    }

    /** What is wrong with a body for its type, by the published schema; empty if nothing. */
    public static Set<String> violations(String type, String body) {
        try {
            return schema(type).validate(JSON.readTree(body)).stream()
                    .map(ValidationMessage::getMessage)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (JsonProcessingException e) {
            return Set.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /** Fails unless the body passes its type's published schema. */
    public static void requireValid(String type, String body) {
        Set<String> wrong = violations(type, body);
        if (!wrong.isEmpty()) {
            throw new AssertionError(
                    type + " as built by the test does not pass the producer's schema: " + wrong + "\n" + body);
        }
    }

    /** A CloudEvents record (binary mode) as its producer writes it; its body must pass the type's schema. */
    public static ProducerRecord<String, String> record(
            String topic, String source, String type, String key, String body) {
        requireValid(type, body);
        return offContract(topic, source, type, key, body);
    }

    /**
     * A record with the headers of the contract and a body that need not pass its schema: for the tests of what a
     * consumer does with a record that breaks the contract (it goes to the dead-letter topic, or is read leniently).
     */
    public static ProducerRecord<String, String> offContract(
            String topic, String source, String type, String key, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", source);
        header(record, "ce_type", type);
        if (key != null) {
            header(record, "ce_subject", key);
        }
        header(record, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** The same record with another CloudEvents id (to send an event again, or a second one with the same id). */
    public static ProducerRecord<String, String> withId(ProducerRecord<String, String> record, String id) {
        record.headers().remove("ce_id");
        header(record, "ce_id", id);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
