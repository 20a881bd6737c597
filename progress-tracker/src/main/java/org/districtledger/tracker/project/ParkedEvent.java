package org.districtledger.tracker.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event that came before an earlier one of its project, waiting for it (or for an operator's release). */
@Entity
@Table(name = "parked_event")
public class ParkedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "project_code")
    public String projectCode;

    public long sequence;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "change_json")
    public String changeJson;

    @Column(name = "project_json")
    public String projectJson;

    /** The sequence number the project waited for when this event came. */
    @Column(name = "expected_sequence")
    public long expectedSequence;

    @Column(name = "parked_at")
    public Instant parkedAt;

    /** The W3C trace context the event came with, or {@code null}. */
    public String traceparent;

    static ParkedEvent of(ProjectEvent event, long expected, ObjectMapper json) {
        ParkedEvent parked = new ParkedEvent();
        parked.eventId = event.id();
        parked.projectCode = event.code();
        parked.sequence = event.sequence();
        parked.eventType = event.type();
        parked.occurredAt = event.time();
        parked.changeJson = event.change().toString();
        parked.traceparent = event.traceparent();
        parked.projectJson = event.project().toString();
        parked.expectedSequence = expected;
        parked.parkedAt = Instant.now();
        return parked;
    }

    ProjectEvent event(ObjectMapper json) {
        try {
            return new ProjectEvent(
                    eventId,
                    eventType,
                    projectCode,
                    occurredAt,
                    sequence,
                    json.readTree(changeJson),
                    json.readTree(projectJson),
                    traceparent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + eventId + " is not JSON any more", e);
        }
    }
}
