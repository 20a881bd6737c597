package org.districtledger.tracker;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Records on {@code ledger.project-events} exactly as the registry's outbox relay writes them. */
public final class RegistryEvents {

    public static final String TOPIC = "ledger.project-events";

    private RegistryEvents() {
    }

    public static ProducerRecord<String, String> registered(UUID id, String code, long sequence, String pool) {
        return event(id, "ledger.project.registered.v1", code, sequence, pool);
    }

    public static ProducerRecord<String, String> event(UUID id, String type, String code, long sequence, String pool) {
        String body = """
                {"code":"%1$s","sequence":%2$d,"change":{},"project":{"code":"%1$s","nationalCode":null,
                "name":"城区第五污水处理厂扩建","pool":"%3$s","poolReason":null,"cityCategory":"KEY_CONSTRUCTION",
                "industryChain":"基础设施","town":"杨村街道","ownerUnit":"区水务局","leadDepartment":"区水务局",
                "planYear":2023,"totalInvestment":56000.00,"annualPlanInvestment":21000.25,
                "plannedStart":"2023-03-01","plannedCompletion":"2024-06-30","actualSiteEntry":null,
                "actualStart":null,"actualCompletion":null,"actualProduction":null,"fundingSources":["SPECIAL_BONDS"],
                "fromBeijing":false,"sequence":%2$d,"version":%2$d}}
                """.formatted(code, sequence, pool);
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, code, body);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_source", "/project-registry");
        header(record, "ce_type", type);
        header(record, "ce_subject", code);
        header(record, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
