package org.districtledger.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.districtledger.localstack.KafkaIdentities;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace id, followed from a request to the registry to the flag the tracker raises from it, across the run
 * command's two service processes and Kafka: the registry's event and the tracker's alert carry the request's trace
 * (CloudEvents traceparent), and both services exported spans of it over OTLP to the collector LEDGER_OTLP_ENDPOINT
 * names.
 */
@Order(6)
@ExtendWith(SampleSystem.Shared.class)
class TraceIT {

    @Test
    void oneTraceRunsFromTheRegistrysRequestToTheTrackersFlag(SampleSystem system) throws Exception {
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE));
        String caller = hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE));
        // a preparing project whose planned start passed months before the sample's business date: a stalled start
        String project = "{\"name\": \"追踪测试项目\", \"pool\": \"PREPARING\", \"planYear\": 2023,"
                + " \"plannedStart\": \"2023-03-01\", \"totalInvestment\": 5000.00, \"annualPlanInvestment\": 800.00}";
        HttpResponse<String> registered = system.registry()
                .request(
                        "POST",
                        "/api/v1/projects",
                        "application/json",
                        project.getBytes(StandardCharsets.UTF_8),
                        "traceparent",
                        "00-" + traceId + "-" + caller + "-01");
        assertEquals(201, registered.statusCode(), registered.body());
        String code = Http.JSON.readTree(registered.body()).get("code").asText();

        ConsumerRecord<String, String> event =
                first(system, "ledger.project-events", code, "ledger.project.registered.v1", "");
        assertEquals(
                traceId, traceIdOf(header(event, "ce_traceparent")), "the registry's event is in the request's trace");
        ConsumerRecord<String, String> flag =
                first(system, "ledger.tracker-alerts", code, "ledger.flag.raised.v1", "\"STALLED_START\"");
        assertEquals(
                traceId, traceIdOf(header(flag, "ce_traceparent")), "the tracker's flag is in the request's trace");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(system.collector.exported("project-registry", traceId)
                        && system.collector.exported("progress-tracker", traceId))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(system.collector.exported("project-registry", traceId), "the registry exported its spans over OTLP");
        assertTrue(system.collector.exported("progress-tracker", traceId), "the tracker exported its spans over OTLP");
    }

    /** The first record of a type about the project whose value says this, read from the start as another district system would. */
    private static ConsumerRecord<String, String> first(
            SampleSystem system, String topic, String code, String type, String saying) {
        Map<String, Object> signIn =
                new HashMap<>(KafkaIdentities.in(system.data).clientConfig(KafkaIdentities.DISTRICT_READER.name()));
        signIn.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + system.kafkaPort);
        try (KafkaConsumer<String, String> consumer =
                DistrictReader.consumer(signIn, "trace-test-" + System.nanoTime())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(record.key())
                            && type.equals(header(record, "ce_type"))
                            && record.value().contains(saying)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " of " + code + " on " + topic);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, name + " on " + record.topic());
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The trace id of a W3C traceparent (version-traceid-spanid-flags). */
    private static String traceIdOf(String traceparent) {
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        return parts[1];
    }
}
