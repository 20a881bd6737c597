package org.districtledger.tracker.project;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.districtledger.runtime.tracing.TraceContext;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The trace of a change in the registry goes on in the tracker: the event's {@code traceparent} is the parent of its
 * apply span, that span the parent of the project's flag evaluation, and the flag's alert carries the same trace on
 * (ce_traceparent). A record with a {@code traceparent} that is not one is applied all the same, in a trace of its own.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class EventTraceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theFlagARegistryChangeRaisesIsInTheChangesTrace() {
        BusinessDate.set("2023-02-20");
        String code = "WQ-2023-9301";
        String traceId = TraceId.fromLongs(ThreadLocalRandom.current().nextLong(), 42);
        String registrySpan = SpanId.fromLong(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String traceparent = "00-" + traceId + "-" + registrySpan + "-01";
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                AlertsTopic alerts = new AlertsTopic(kafka)) {
            // a preparing project whose planned start is 50 days past: a red stalled start
            ProducerRecord<String, String> event = RegistryEvents.registered(
                    UUID.randomUUID(),
                    code,
                    1,
                    Map.of("plannedStart", "2023-01-01", "poolSince", "2022-10-01", "lastReportedWeek", "2023-W07"));
            event.headers().add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            RegistryEvents.send(kafka, event);

            ConsumerRecord<String, String> raised = alerts.await(code, "ledger.flag.raised.v1", "STALLED_START");
            String alertTrace = AlertsTopic.header(raised, "ce_traceparent");
            assertNotNull(alertTrace, "the alert carries a trace context");
            assertEquals(traceId, TraceContext.traceId(alertTrace), "the alert is in the registry change's trace");

            SpanData apply = awaitSpan(traceId, "apply ledger.project.registered.v1");
            assertEquals(registrySpan, apply.getParentSpanId(), "applying the event continues the registry's span");
            assertEquals(
                    code,
                    apply.getAttributes().asMap().entrySet().stream()
                            .filter(a -> a.getKey().getKey().equals("ledger.project.code"))
                            .findFirst()
                            .orElseThrow()
                            .getValue());
            SpanData evaluate = awaitSpan(traceId, "evaluate flags");
            assertEquals(apply.getSpanId(), evaluate.getParentSpanId(), "the flags are evaluated under the apply");
            // the alert's traceparent names the span it was raised in, or the Kafka producer's span under it
            assertEquals(traceId, TraceContext.traceId(AlertsTopic.header(raised, "traceparent")));

            // anything in a traceparent header: the event is applied, in a trace of its own
            String junk = "WQ-2023-9302";
            ProducerRecord<String, String> odd = RegistryEvents.registered(
                    UUID.randomUUID(),
                    junk,
                    1,
                    Map.of("plannedStart", "2023-01-01", "poolSince", "2022-10-01", "lastReportedWeek", "2023-W07"));
            odd.headers().add("ce_traceparent", "00-not-a-trace-01; drop table".getBytes(StandardCharsets.UTF_8));
            RegistryEvents.send(kafka, odd);
            ConsumerRecord<String, String> own = alerts.await(junk, "ledger.flag.raised.v1", "STALLED_START");
            String ownTrace = TraceContext.traceId(AlertsTopic.header(own, "ce_traceparent"));
            assertNotNull(ownTrace, "a trace of its own");
            assertNotEquals(traceId, ownTrace);
        }
    }

    private SpanData awaitSpan(String traceId, String name) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> find(traceId, name).size() == 1);
        return find(traceId, name).get(0);
    }

    private List<SpanData> find(String traceId, String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(span ->
                        span.getTraceId().equals(traceId) && span.getName().equals(name))
                .toList();
    }
}
