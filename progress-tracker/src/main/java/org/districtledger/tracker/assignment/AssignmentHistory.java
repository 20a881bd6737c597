package org.districtledger.tracker.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** A version of a project's assignment, kept with who made it and when. */
@Entity
@Immutable // written once, never changed: Hibernate does not check it for changes at each flush
@Table(name = "assignment_history")
public class AssignmentHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_code")
    public String projectCode;

    public long version;

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

    public String members;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The business date it took effect (the weekly view of a past week reads the assignment of its day). */
    @Column(name = "recorded_on")
    public LocalDate recordedOn;

    static AssignmentHistory of(Assignment a) {
        AssignmentHistory h = new AssignmentHistory();
        h.projectCode = a.projectCode;
        h.version = a.version;
        h.leaderName = a.leaderName;
        h.leaderTitle = a.leaderTitle;
        h.leaderAccount = a.leaderAccount;
        h.taskForceName = a.taskForceName;
        h.leadDepartment = a.leadDepartment;
        h.members = a.members;
        h.changedBy = a.changedBy;
        h.changedAt = a.changedAt;
        return h;
    }
}
