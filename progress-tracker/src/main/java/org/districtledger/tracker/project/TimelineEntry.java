package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One line of a project's story in the tracker: an event, a flag or an assignment, told in Chinese. */
@Entity
@Immutable // written once, never changed: Hibernate does not check it for changes at each flush
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    /** Where the line comes from. */
    public enum Kind {
        EVENT,
        FLAG,
        ASSIGNMENT
    }

    @Id
    // from the column's own sequence, fifty numbers at a time, so that a batch's entries are inserted in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_id")
    @SequenceGenerator(name = "timeline_entry_id", sequenceName = "timeline_entry_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "project_code")
    public String projectCode;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The event type, the flag change or the assignment change. */
    public String type;

    public String summary;

    public static void add(String projectCode, Instant at, Kind kind, String type, String summary) {
        TimelineEntry entry = new TimelineEntry();
        entry.projectCode = projectCode;
        entry.occurredAt = at;
        entry.kind = kind;
        entry.type = type;
        entry.summary = summary.length() > 1000 ? summary.substring(0, 997) + "…" : summary;
        entry.persist();
    }
}
