package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** The inbox: an event the tracker has seen, by its CloudEvents id, and what it did with it. */
@Entity
@Immutable // written once, never changed: Hibernate does not check it for changes at each flush
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        /** Its sequence number was not newer than the project's: it changed nothing. */
        OUTDATED
    }

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "project_code")
    public String projectCode;

    public long sequence;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "processed_at")
    public Instant processedAt;
}
