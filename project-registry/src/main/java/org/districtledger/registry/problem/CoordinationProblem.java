package org.districtledger.registry.problem;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A problem a task force raises for another department to solve (问题协调). */
@Entity
@Table(name = "problem")
public class CoordinationProblem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    public String title;

    public String description;

    /** The department the problem is addressed to. */
    public String department;

    @Column(name = "raised_on")
    public LocalDate raisedOn;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The day the department is asked to have it solved by, if the task force gave one. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "created_at")
    public Instant createdAt;
}
