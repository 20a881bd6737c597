package org.districtledger.tracker.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.AlertEventType;
import org.districtledger.runtime.outbox.Outbox;
import org.districtledger.tracker.project.TrackedProject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the tracker's alerts into its outbox, for {@code ledger.tracker-alerts}: keyed by ledger code, each with
 * the project's next alert sequence number.
 */
@ApplicationScoped
public class AlertOutbox {

    private final Outbox outbox;

    public AlertOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends an alert about a project; {@code content} becomes the body beside its code and sequence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(TrackedProject project, AlertEventType type, Map<String, ?> content) {
        project.alertSequence++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", project.code);
        body.put("sequence", project.alertSequence);
        body.putAll(content);
        outbox.append(type.cloudEventType(), project.code, project.alertSequence, body);
    }
}
