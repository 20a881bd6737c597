package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One field of a project the office edited, with its old and new value (JSON, as the event gave them). */
@Entity
@Table(name = "tracked_edit")
public class TrackedEdit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_code")
    public String projectCode;

    /** The sequence number of the event that made the edit. */
    public long sequence;

    /** The field's name in events, e.g. {@code plannedStart}. */
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;
}
