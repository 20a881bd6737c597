package org.districtledger.tracker.deadletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** An operator's re-drive of a dead-lettered record: which, by whom, when, and what became of it (append-only). */
@Entity
@Table(name = "dead_letter_redrive")
public class DeadLetterRedrive extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dlq_topic")
    public String topic;

    @Column(name = "dlq_partition")
    public int partition;

    @Column(name = "dlq_offset")
    public long offset;

    /** {@code applied}, {@code duplicate}, {@code outdated}, {@code parked}, or {@code dead-lettered} (again). */
    public String outcome;

    /** Why it went back to the dead-letter topic, when it did. */
    public String reason;

    @Column(name = "redriven_by")
    public String redrivenBy;

    @Column(name = "redriven_at")
    public Instant redrivenAt;

    static DeadLetterRedrive of(String topic, int partition, long offset) {
        return find("topic = ?1 and partition = ?2 and offset = ?3", topic, partition, offset)
                .firstResult();
    }

    static List<DeadLetterRedrive> on(String topic) {
        return list("topic", topic);
    }
}
