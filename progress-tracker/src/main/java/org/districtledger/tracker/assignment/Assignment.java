package org.districtledger.tracker.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** 包联: the one leader and the one task force that follow a project to the end. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @Column(name = "project_code")
    public String projectCode;

    @Column(name = "leader_name")
    public String leaderName;

    @Column(name = "leader_title")
    public String leaderTitle;

    /** The leader's sign-in name, which lets him resolve the problems of his projects. */
    @Column(name = "leader_account")
    public String leaderAccount;

    @Column(name = "task_force_name")
    public String taskForceName;

    @Column(name = "lead_department")
    public String leadDepartment;

    /** The task force's members, as JSON. */
    public String members;

    /** 1 for the first assignment of the project, one more for each change. */
    public long version;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
