package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A project's weekly report, as of its latest revision. */
@Entity
@Table(name = "tracked_progress")
public class TrackedProgress extends PanacheEntityBase {

    /** The project and the ISO week. */
    @Embeddable
    public record Key(
            @Column(name = "project_code") String projectCode,
            @Column(name = "iso_week") String isoWeek) implements Serializable {}

    @EmbeddedId
    public Key id;

    @Column(name = "week_start")
    public LocalDate weekStart;

    @Column(name = "investment_completed")
    public BigDecimal investmentCompleted;

    @Column(name = "image_progress_percent")
    public int imageProgressPercent;

    @Column(name = "site_status")
    public String siteStatus;

    public int revision;
}
