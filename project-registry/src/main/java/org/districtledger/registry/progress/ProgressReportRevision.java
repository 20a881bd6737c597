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

/** A weekly report as it was before a correction replaced it. */
@Entity
@Table(name = "progress_report_revision")
public class ProgressReportRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Column(name = "iso_week")
    public String isoWeek;

    public int revision;

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

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    static ProgressReportRevision of(ProgressReport report, Instant replacedAt) {
        ProgressReportRevision old = new ProgressReportRevision();
        old.projectId = report.projectId;
        old.isoWeek = report.isoWeek;
        old.revision = report.revision;
        old.investmentCompleted = report.investmentCompleted;
        old.imageProgressPercent = report.imageProgressPercent;
        old.imageProgressNote = report.imageProgressNote;
        old.siteStatus = report.siteStatus;
        old.problemsRaised = report.problemsRaised;
        old.reportedBy = report.reportedBy;
        old.reportedAt = report.reportedAt;
        old.replacedAt = replacedAt;
        return old;
    }
}
