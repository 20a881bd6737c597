package org.districtledger.registry.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.districtledger.contract.CityCategory;
import org.districtledger.contract.FundingSource;
import org.districtledger.contract.Pool;
import org.districtledger.runtime.HttpProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A project on the district ledger. Money is in 万元, exact to two decimals. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    // fifty numbers at a time from the column's own sequence, so that an import's rows go out in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_id")
    @SequenceGenerator(name = "project_id", sequenceName = "project_id_seq", allocationSize = 50)
    public Long id;

    /** The ledger code the registry assigns, e.g. {@code WQ-2023-0001}. */
    public String code;

    /** The national project code (项目代码), where the project has one. */
    @Column(name = "national_code")
    public String nationalCode;

    public String name;

    @Enumerated(EnumType.STRING)
    public Pool pool;

    /** Why the project is where it is, when that needs a reason (suspension, cancellation, a move back). */
    @Column(name = "pool_reason")
    public String poolReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "city_category")
    public CityCategory cityCategory;

    @Column(name = "industry_chain")
    public String industryChain;

    public String town;

    @Column(name = "owner_unit")
    public String ownerUnit;

    @Column(name = "lead_department")
    public String leadDepartment;

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

    /** For a key conversion project (重点转化项目): the pool it is to reach, and by when. */
    @Enumerated(EnumType.STRING)
    @Column(name = "conversion_target_pool")
    public Pool conversionTargetPool;

    @Column(name = "conversion_target_date")
    public LocalDate conversionTargetDate;

    /** The day it came onto the ledger: the day it entered its first pool. */
    @Column(name = "admitted_on")
    public LocalDate admittedOn;

    @Column(name = "actual_site_entry")
    public LocalDate actualSiteEntry;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_completion")
    public LocalDate actualCompletion;

    @Column(name = "actual_production")
    public LocalDate actualProduction;

    @Convert(converter = FundingSourcesConverter.class)
    @Column(name = "funding_sources")
    public Set<FundingSource> fundingSources = EnumSet.noneOf(FundingSource.class);

    /** Whether the project is one of the district's key conversion projects (重点转化项目). */
    @Column(name = "key_conversion")
    public boolean keyConversion;

    /** Since when the project has been in its current pool. */
    @Column(name = "pool_since")
    public LocalDate poolSince;

    /** All investment completed, summed from the weekly reports by the registry. */
    @Column(name = "investment_completed_total")
    public BigDecimal investmentCompletedTotal = BigDecimal.ZERO.setScale(2);

    /** Investment completed in the plan year, summed from that year's weekly reports. */
    @Column(name = "investment_completed_plan_year")
    public BigDecimal investmentCompletedPlanYear = BigDecimal.ZERO.setScale(2);

    /** Image progress (形象进度) of the latest week reported. */
    @Column(name = "image_progress_percent")
    public Integer imageProgressPercent;

    @Column(name = "last_reported_week")
    public String lastReportedWeek;

    /** Whether the project came from Beijing (承接非首都功能). */
    @Column(name = "from_beijing")
    public boolean fromBeijing;

    /** The sequence number of the project's latest event; consumers use it to order and deduplicate. */
    @Column(name = "event_sequence")
    public long eventSequence;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static Project findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** Loads the project for a change, locking its row so that its changes and their sequence numbers are serial. */
    public static Project lockByCode(String code) {
        Project project =
                find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return project;
    }

    /** Advances the event sequence for one more event of this project and returns it. */
    /** Loads projects for a change, as {@link #lockByCode} does one, in the order of their codes; unknown codes are left out. */
    public static List<Project> lockAllByCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return find("code in ?1 order by code", codes)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public long nextEventSequence() {
        return ++eventSequence;
    }
}
