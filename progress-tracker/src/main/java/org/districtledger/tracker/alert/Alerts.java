package org.districtledger.tracker.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.runtime.outbox.Outbox;
import org.districtledger.tracker.project.TrackedProject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the tracker's alerts into its outbox, for {@code ledger.tracker-alerts}: keyed by ledger code, each with
 * the project's next alert sequence number.
 */
@ApplicationScoped
public class Alerts {

    public static final String FLAG_RAISED = "ledger.flag.raised.v1";
    public static final String FLAG_ESCALATED = "ledger.flag.escalated.v1";
    public static final String FLAG_CLEARED = "ledger.flag.cleared.v1";
    public static final String ASSIGNMENT_CHANGED = "ledger.assignment.changed.v1";

    private final Outbox outbox;

    public Alerts(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends an alert about a project; {@code content} becomes the body beside its code and sequence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(TrackedProject project, String type, Map<String, ?> content) {
        project.alertSequence++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", project.code);
        body.put("sequence", project.alertSequence);
        body.putAll(content);
        outbox.append(type, project.code, project.alertSequence, body);
    }
}
