package org.districtledger.runtime.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox, or already published. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvents {@code id}: consumers apply each event once by it. */
    @Column(name = "event_id")
    public UUID eventId;

    /** The CloudEvents {@code type}. */
    @Column(name = "event_type")
    public String eventType;

    /** The ledger code: the record key and the CloudEvents {@code subject}. */
    @Column(name = "aggregate_code")
    public String aggregateCode;

    /** The project's own event sequence number, from 1, without gaps. */
    public long sequence;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The JSON body. */
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C {@code traceparent} of the change that wrote it, or {@code null} when tracing is off. */
    public String traceparent;
}
