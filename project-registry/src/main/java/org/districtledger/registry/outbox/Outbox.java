package org.districtledger.registry.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.districtledger.registry.project.ProjectView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes a project's event into the outbox, inside the transaction of the change it describes. */
@ApplicationScoped
public class Outbox {

    /** Fired when an event was appended; observed once the transaction commits. */
    public record Appended(String code, long sequence) {
    }

    private final ObjectMapper json;
    private final Event<Appended> appended;

    public Outbox(ObjectMapper json, Event<Appended> appended) {
        this.json = json;
        this.appended = appended;
    }

    /**
     * Appends the event of a change that has just been made to {@code project}.
     *
     * @param project the project's whole state after the change, carrying the change's sequence number
     * @param change what changed, as the event type describes it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(ProjectEventType type, ProjectView project, Map<String, ?> change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", project.code());
        body.put("sequence", project.sequence());
        body.put("change", change);
        body.put("project", project);
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.eventType = type.cloudEventType();
        event.aggregateCode = project.code();
        event.sequence = project.sequence();
        event.occurredAt = Instant.now();
        try {
            event.payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event of " + project.code(), e);
        }
        event.persist();
        appended.fire(new Appended(event.aggregateCode, event.sequence));
        return event;
    }
}
