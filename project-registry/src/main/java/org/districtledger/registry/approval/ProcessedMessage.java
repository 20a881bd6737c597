package org.districtledger.registry.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The inbox: an inbound message already applied, by its CloudEvents id. */
@Entity
@Table(name = "processed_message")
public class ProcessedMessage extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public String messageId;

    public String source;

    @Column(name = "processed_at")
    public Instant processedAt;
}
