package org.districtledger.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.districtledger.runtime.tracing.TraceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes an event into the service's outbox, inside the transaction of the change it describes;
 * {@link OutboxRelay} publishes it once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when an event was appended; observed once the transaction commits. */
    public record Appended(String key, long sequence) {}

    private final ObjectMapper json;
    private final Event<Appended> appended;

    public Outbox(ObjectMapper json, Event<Appended> appended) {
        this.json = json;
        this.appended = appended;
    }

    /**
     * Appends an event.
     *
     * @param type the CloudEvents type
     * @param key the record key and CloudEvents subject (a ledger code)
     * @param sequence the key's own event sequence number, from 1
     * @param body the JSON body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String type, String key, long sequence, Object body) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.eventType = type;
        event.aggregateCode = key;
        event.sequence = sequence;
        event.occurredAt = Instant.now();
        event.traceparent = TraceContext.current();
        try {
            event.payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event " + type + " of " + key, e);
        }
        event.persist();
        appended.fire(new Appended(key, sequence));
        return event;
    }
}
