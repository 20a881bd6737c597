package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An operator's release of a parked project: which events were given up, why, by whom (append-only). */
@Entity
@Table(name = "gap_release")
public class GapRelease extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_code")
    public String projectCode;

    /** The first missing sequence number. */
    @Column(name = "missing_from")
    public long missingFrom;

    /** The last missing sequence number. */
    @Column(name = "missing_to")
    public long missingTo;

    /** How many parked events the release applied. */
    @Column(name = "events_applied")
    public int eventsApplied;

    public String reason;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    static GapRelease record(String code, long from, long to, int applied, String reason, String actor) {
        GapRelease release = new GapRelease();
        release.projectCode = code;
        release.missingFrom = from;
        release.missingTo = to;
        release.eventsApplied = applied;
        release.reason = reason;
        release.releasedBy = actor;
        release.releasedAt = Instant.now();
        release.persist();
        return release;
    }
}
