package org.districtledger.registry.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A task force's group robot: a WeCom or DingTalk webhook, set by the office, never kept in the repository. */
@Entity
@Table(name = "task_force_robot")
public class TaskForceRobot extends PanacheEntityBase {

    /** The chat the robot posts to. */
    public enum Kind {
        WECOM,
        DINGTALK
    }

    @Id
    @Column(name = "task_force")
    public String taskForce;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "webhook_url")
    public String webhookUrl;

    /** A DingTalk robot's signing secret (加签), if it has one. */
    public String secret;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
