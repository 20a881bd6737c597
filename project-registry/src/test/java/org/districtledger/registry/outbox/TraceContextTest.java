package org.districtledger.registry.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.districtledger.registry.Database;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.runtime.tracing.TraceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A weekly report's trace runs through the outbox: the request's span is stored with the event's row, sent as the
 * event's CloudEvents traceparent extension, and is the parent of the Kafka producer's span, whose context the record
 * carries in its traceparent header.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class TraceContextTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aWeeklyReportsTraceRunsThroughTheOutboxOntoKafka() {
        String code = SampleProjects.register(SampleProjects.inPool("BUILDING", 2023, "80000.00", "30000.00"));
        String traceId = TraceId.fromLongs(ThreadLocalRandom.current().nextLong(), 7);
        String callerSpan = SpanId.fromLong(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events events = Events.of(kafka)) {
            given().contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .body("{\"investmentCompleted\": 120.5, \"imageProgressPercent\": 12, \"siteStatus\": \"STARTED\"}")
                    .when()
                    .put("/api/v1/projects/" + code + "/progress/2023-W20")
                    .then()
                    .statusCode(201);

            String stored = new Database(dataSource)
                    .text("SELECT traceparent FROM outbox_event WHERE aggregate_code = ? AND sequence = 2", code);
            assertEquals(traceId, TraceContext.traceId(stored), "the outbox row keeps the request's trace");

            ConsumerRecord<String, String> report = events.await(code, 2).get(1);
            assertEquals(stored, header(report, "ce_traceparent"), "the CloudEvents traceparent extension");
            String producerContext = header(report, "traceparent");
            assertEquals(traceId, TraceContext.traceId(producerContext), "the producer span's context");

            SpanData server = awaitSpan(traceId, span -> span.getKind() == SpanKind.SERVER);
            assertEquals(callerSpan, server.getParentSpanId(), "the request continues its caller's trace");
            assertTrue(stored.contains(server.getSpanId()), "the row names the request's span: " + stored);
            SpanData producer = awaitSpan(traceId, span -> span.getKind() == SpanKind.PRODUCER);
            assertEquals(server.getSpanId(), producer.getParentSpanId(), "published under the request's span");
            assertTrue(producerContext.contains(producer.getSpanId()), producerContext);
        }
    }

    private SpanData awaitSpan(String traceId, Predicate<SpanData> which) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> find(traceId, which).size() == 1);
        return find(traceId, which).get(0);
    }

    private List<SpanData> find(String traceId, Predicate<SpanData> which) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && which.test(span))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
