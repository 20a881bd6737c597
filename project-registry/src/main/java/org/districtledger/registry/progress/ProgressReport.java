package org.districtledger.registry.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.districtledger.contract.SiteStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The current weekly report of a project for one ISO week. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Column(name = "iso_week")
    public String isoWeek;

    @Column(name = "week_start")
    public LocalDate weekStart;

    @Column(name = "investment_completed")
    public BigDecimal investmentCompleted;

    @Column(name = "image_progress_percent")
    public int imageProgressPercent;

    @Column(name = "image_progress_note")
    public String imageProgressNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "site_status")
    public SiteStatus siteStatus;

    @Column(name = "problems_raised")
    public String problemsRaised;

    /** 1 for the first report of the week, one more for each correction. */
    public int revision;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "reported_at")
    public Instant reportedAt;
}
