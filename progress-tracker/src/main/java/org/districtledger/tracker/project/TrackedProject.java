package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The tracker's copy of a registry project, as of the latest event applied. Money in 万元. */
@Entity
@Table(name = "tracked_project")
public class TrackedProject extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "national_code")
    public String nationalCode;

    public String name;

    public String pool;

    @Column(name = "city_category")
    public String cityCategory;

    @Column(name = "industry_chain")
    public String industryChain;

    public String town;

    @Column(name = "lead_department")
    public String leadDepartment;

    @Column(name = "owner_unit")
    public String ownerUnit;

    @Column(name = "key_conversion")
    public boolean keyConversion;

    @Column(name = "pool_since")
    public LocalDate poolSince;

    @Column(name = "investment_completed_total")
    public BigDecimal investmentCompletedTotal;

    @Column(name = "investment_completed_plan_year")
    public BigDecimal investmentCompletedPlanYear;

    @Column(name = "image_progress_percent")
    public Integer imageProgressPercent;

    @Column(name = "last_reported_week")
    public String lastReportedWeek;

    /** The day of the first event the tracker applied for the project. */
    @Column(name = "registered_on")
    public LocalDate registeredOn;

    /** The sequence number of the project's latest alert on {@code ledger.tracker-alerts}. */
    @Column(name = "alert_sequence")
    public long alertSequence;

    @Column(name = "plan_year")
    public int planYear;

    @Column(name = "total_investment")
    public BigDecimal totalInvestment;

    @Column(name = "annual_plan_investment")
    public BigDecimal annualPlanInvestment;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_completion")
    public LocalDate plannedCompletion;

    /** A key conversion project's target: the pool it is to reach (its name), and by when. */
    @Column(name = "conversion_target_pool")
    public String conversionTargetPool;

    @Column(name = "conversion_target_date")
    public LocalDate conversionTargetDate;

    @Column(name = "actual_site_entry")
    public LocalDate actualSiteEntry;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_completion")
    public LocalDate actualCompletion;

    @Column(name = "actual_production")
    public LocalDate actualProduction;

    /** The sequence number of the latest event applied. */
    @Column(name = "last_sequence")
    public long lastSequence;

    @Column(name = "last_event_type")
    public String lastEventType;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    /** How many times an event arrived with a sequence number beyond the next one expected. */
    @Column(name = "sequence_gaps")
    public int sequenceGaps;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
