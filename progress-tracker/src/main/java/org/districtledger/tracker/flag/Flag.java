package org.districtledger.tracker.flag;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule's finding on a project, from the day it was raised until it is cleared. */
@Entity
@Table(name = "flag")
public class Flag extends PanacheEntityBase {

    /** Whether the cause is still there. */
    public enum State {
        OPEN,
        CLEARED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flag_id")
    @SequenceGenerator(name = "flag_id", sequenceName = "flag_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "project_code")
    public String projectCode;

    @Enumerated(EnumType.STRING)
    public Rule rule;

    /** What within the project the flag is about (a permit type), or empty. */
    public String subject;

    @Column(name = "rule_version")
    public int ruleVersion;

    @Enumerated(EnumType.STRING)
    public Colour colour;

    public String reason;

    /** The figures the reason was computed from and the thresholds they were held against. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public Map<String, String> inputs = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "raised_on")
    public LocalDate raisedOn;

    @Column(name = "escalated_on")
    public LocalDate escalatedOn;

    @Column(name = "cleared_on")
    public LocalDate clearedOn;
}
