package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A coordination problem (问题协调) of a project, as the registry's events tell it. */
@Entity
@Table(name = "tracked_problem")
public class TrackedProblem extends PanacheEntityBase {

    @Id
    @Column(name = "problem_id")
    public Long problemId;

    @Column(name = "project_code")
    public String projectCode;

    public String title;

    public String department;

    @Column(name = "raised_on")
    public LocalDate raisedOn;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "resolution_note")
    public String resolutionNote;
}
