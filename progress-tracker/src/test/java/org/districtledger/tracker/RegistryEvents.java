package org.districtledger.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.testsupport.EventContract;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Records on {@code ledger.project-events} as the registry's outbox relay writes them, held to its published schemas. */
public final class RegistryEvents {

    public static final String TOPIC = "ledger.project-events";
    public static final String SOURCE = "/project-registry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryEvents() {}

    public static ProducerRecord<String, String> registered(UUID id, String code, long sequence, String pool) {
        return registered(id, code, sequence, Map.of("pool", pool));
    }

    /** The project registered with these fields changed from the sewage plant's (in its pool: PREPARING unless changed). */
    public static ProducerRecord<String, String> registered(
            UUID id, String code, long sequence, Map<String, ?> changed) {
        return event(
                id,
                ProjectEventType.REGISTERED.cloudEventType(),
                code,
                sequence,
                changed,
                Map.of("pool", state(code, sequence, changed).get("pool")));
    }

    /** A building project registered: started on {@code started} (in the pool since then), last reported in {@code lastWeek}. */
    public static ProducerRecord<String, String> registeredBuilding(String code, String started, String lastWeek) {
        return registered(
                UUID.randomUUID(),
                code,
                1,
                Map.of("pool", "BUILDING", "actualStart", started, "poolSince", started, "lastReportedWeek", lastWeek));
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
        project.put("totalInvestment", new BigDecimal("56000.00"));
        project.put("annualPlanInvestment", new BigDecimal("21000.25"));
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
        project.put("investmentCompletedTotal", new BigDecimal("0.00"));
        project.put("investmentCompletedPlanYear", new BigDecimal("0.00"));
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

    /** The change of a progress-reported event: a week's report, in its revision, with the cumulative figures the registry computes (all in the plan year here). */
    public static Map<String, Object> weeklyReport(
            String week, String monday, String amount, String cumulative, int revision) {
        return Map.of(
                "report",
                Map.of(
                        "isoWeek",
                        week,
                        "weekStart",
                        monday,
                        "investmentCompleted",
                        new BigDecimal(amount),
                        "cumulativeInvestment",
                        new BigDecimal(cumulative),
                        "cumulativeInvestmentYear",
                        new BigDecimal(cumulative),
                        "imageProgressPercent",
                        10,
                        "siteStatus",
                        "STARTED",
                        "revision",
                        revision),
                "corrected",
                revision > 1);
    }

    /** An event as the registry's outbox relay writes it; its body must pass the registry's published schema. */
    public static ProducerRecord<String, String> event(
            UUID id, String type, String code, long sequence, Map<String, ?> changedState, Map<String, ?> change) {
        return EventContract.withId(
                EventContract.record(TOPIC, SOURCE, type, code, body(code, sequence, changedState, change)),
                id.toString());
    }

    /** An event with the registry's headers whose body breaks its schema: what the tracker does with one the registry would never send. */
    public static ProducerRecord<String, String> offContract(
            UUID id, String type, String code, long sequence, Map<String, ?> changedState, Map<String, ?> change) {
        return EventContract.withId(
                EventContract.offContract(TOPIC, SOURCE, type, code, body(code, sequence, changedState, change)),
                id.toString());
    }

    private static String body(String code, long sequence, Map<String, ?> changedState, Map<String, ?> change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("sequence", sequence);
        body.put("change", change);
        body.put("project", state(code, sequence, changedState));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends records to the broker as the registry's relay would, and waits until the broker has them. */
    @SafeVarargs
    public static void send(KafkaCompanion kafka, ProducerRecord<String, String>... records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));
    }
}
