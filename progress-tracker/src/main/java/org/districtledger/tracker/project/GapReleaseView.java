package org.districtledger.tracker.project;

import java.time.Instant;

/** A release as kept in the audit trail. */
public record GapReleaseView(
        String code,
        long missingFrom,
        long missingTo,
        int eventsApplied,
        String reason,
        String releasedBy,
        Instant releasedAt) {

    static GapReleaseView of(GapRelease r) {
        return new GapReleaseView(
                r.projectCode, r.missingFrom, r.missingTo, r.eventsApplied, r.reason, r.releasedBy, r.releasedAt);
    }
}
