package org.districtledger.registry.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a project: who made it, when, and the values before and after (JSON). */
@Entity
@Table(name = "project_history")
public class ProjectHistory extends PanacheEntityBase {

    @Id
    // fifty numbers at a time from the column's own sequence, so that an import's rows go out in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_history_id")
    @SequenceGenerator(name = "project_history_id", sequenceName = "project_history_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    /** The sequence number of the event that announced the change. */
    public long sequence;

    /** The event type of the change, e.g. {@code ledger.project.converted.v1}. */
    public String action;

    public String actor;

    public Instant at;

    @Column(name = "before_values")
    public String beforeValues;

    @Column(name = "after_values")
    public String afterValues;
}
