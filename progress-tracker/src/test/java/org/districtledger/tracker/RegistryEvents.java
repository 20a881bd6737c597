package org.districtledger.tracker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Records on {@code ledger.project-events} exactly as the registry's outbox relay writes them. */
public final class RegistryEvents {

    public static final String TOPIC = "ledger.project-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryEvents() {
    }

    public static ProducerRecord<String, String> registered(UUID id, String code, long sequence, String pool) {
        return event(id, "ledger.project.registered.v1", code, sequence, pool);
    }

    public static ProducerRecord<String, String> event(UUID id, String type, String code, long sequence, String pool) {
        return event(id, type, code, sequence, Map.of("pool", pool), Map.of());
    }

    /** The state of a sewage plant project, as the registry sends it, with some fields changed. */
    public static Map<String, Object> state(String code, long sequence, Map<String, ?> changed) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("code", code);
        project.put("nationalCode", null);
        project.put("name", "城区第五污水处理厂扩建");
        project.put("pool", "PREPARING");
        project.put("poolReason", null);
        project.put("cityCategory", "KEY_CONSTRUCTION");
        project.put("industryChain", "基础设施");
        project.put("town", "杨村街道");
        project.put("ownerUnit", "区水务局");
        project.put("leadDepartment", "区水务局");
        project.put("planYear", 2023);
        project.put("totalInvestment", new java.math.BigDecimal("56000.00"));
        project.put("annualPlanInvestment", new java.math.BigDecimal("21000.25"));
        project.put("plannedStart", "2023-03-01");
        project.put("plannedCompletion", "2024-06-30");
        project.put("actualSiteEntry", null);
        project.put("actualStart", null);
        project.put("actualCompletion", null);
        project.put("actualProduction", null);
        project.put("fundingSources", new String[] {"SPECIAL_BONDS"});
        project.put("fromBeijing", false);
        project.put("keyConversion", false);
        project.put("poolSince", "2023-01-01");
        project.put("investmentCompletedTotal", new java.math.BigDecimal("0.00"));
        project.put("investmentCompletedPlanYear", new java.math.BigDecimal("0.00"));
        project.put("imageProgressPercent", null);
        project.put("lastReportedWeek", null);
        project.put("sequence", sequence);
        project.put("version", sequence - 1);
        project.put("createdAt", "2023-01-01T00:00:00Z");
        project.put("createdBy", "anonymous");
        project.put("updatedAt", "2023-01-01T00:00:00Z");
        project.put("updatedBy", "anonymous");
        project.putAll(changed);
        return project;
    }

    public static ProducerRecord<String, String> event(UUID id, String type, String code, long sequence,
                                                       Map<String, ?> changedState, Map<String, ?> change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("sequence", sequence);
        body.put("change", change);
        body.put("project", state(code, sequence, changedState));
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, code, json);
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
