package org.districtledger.registry.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A project's task force and leader, by their sign-in names, as the tracker last announced them. */
@Entity
@Table(name = "project_access")
public class ProjectAccess extends PanacheEntityBase {

    @Id
    @Column(name = "project_code")
    public String projectCode;

    /** The assignment's version: an older announcement never replaces a newer one. */
    @Column(name = "assignment_version")
    public long assignmentVersion;

    @Column(name = "task_force")
    public String taskForce;

    @Column(name = "leader_account")
    public String leaderAccount;

    /** The members' sign-in names, one per line. */
    @Column(name = "member_accounts")
    public String memberAccounts;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "applied_at")
    public Instant appliedAt;

    public Set<String> members() {
        return Arrays.stream(memberAccounts.split("\n"))
                .filter(a -> !a.isBlank())
                .collect(Collectors.toSet());
    }
}
