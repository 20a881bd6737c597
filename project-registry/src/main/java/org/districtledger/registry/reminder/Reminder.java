package org.districtledger.registry.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A task force's reminder of a week: what it had due, and whether its group robot got it. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    /** Whether the task force's group robot got the reminder. */
    public enum RobotStatus {
        NONE,
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Column(name = "task_force")
    public String taskForce;

    @Column(name = "iso_week")
    public String isoWeek;

    /** The event's body (JSON): the projects and their due items. */
    public String items;

    @Column(name = "item_count")
    public int itemCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "robot_status")
    @Enumerated(EnumType.STRING)
    public RobotStatus robotStatus;

    @Column(name = "robot_attempts")
    public int robotAttempts;

    @Column(name = "robot_error")
    public String robotError;

    @Column(name = "sent_at")
    public Instant sentAt;
}
