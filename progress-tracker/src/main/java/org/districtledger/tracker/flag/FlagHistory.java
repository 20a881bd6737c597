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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One step in a flag's life: raised, escalated, de-escalated or cleared, as of a business date. */
@Entity
@Immutable // written once, never changed: Hibernate does not check it for changes at each flush
@Table(name = "flag_history")
public class FlagHistory extends PanacheEntityBase {

    /** The steps of a flag's life. */
    public enum Change {
        RAISED,
        ESCALATED,
        /** Red back to yellow: the flag stays open, raised on the same day. */
        DEESCALATED,
        CLEARED
    }

    @Id
    // fifty numbers at a time from the column's own sequence: an evaluation's steps go out in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flag_history_id")
    @SequenceGenerator(name = "flag_history_id", sequenceName = "flag_history_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "flag_id")
    public Long flagId;

    @Column(name = "project_code")
    public String projectCode;

    @Enumerated(EnumType.STRING)
    public Rule rule;

    public String subject;

    @Enumerated(EnumType.STRING)
    public Change change;

    @Enumerated(EnumType.STRING)
    public Colour colour;

    public String reason;

    /** The figures the reason was computed from and the thresholds they were held against. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public Map<String, String> inputs = new LinkedHashMap<>();

    @Column(name = "rule_version")
    public int ruleVersion;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
