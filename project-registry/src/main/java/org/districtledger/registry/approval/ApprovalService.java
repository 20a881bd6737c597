package org.districtledger.registry.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.contract.ProcedureType;
import org.districtledger.registry.procedure.ProcedureService;
import org.districtledger.registry.procedure.ProcedureUpdate;
import org.districtledger.registry.project.Project;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.UnreadableRecordException;

import java.time.Instant;
import java.util.Map;

/** Applies the approval bureau's granted permits to the projects' checklists, each message once. */
@ApplicationScoped
public class ApprovalService {

    private final ProcedureService procedures;

    public ApprovalService(ProcedureService procedures) {
        this.procedures = procedures;
    }

    /** Whether the message was applied now, or had been already. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    @Transactional
    public Outcome apply(String messageId, String source, ApprovalGranted approval) {
        if (ProcessedMessage.findById(messageId) != null) {
            return Outcome.DUPLICATE;
        }
        Project found = approval.code() != null
                ? Project.findByCode(approval.code())
                : approval.nationalCode() != null
                        ? Project.find("nationalCode", approval.nationalCode()).firstResult()
                        : null;
        if (found == null) {
            throw new UnreadableRecordException("no project "
                    + (approval.code() != null ? approval.code() : approval.nationalCode()) + " on the ledger");
        }
        ProcedureType type;
        try {
            type = ProcedureType.valueOf(String.valueOf(approval.procedureType()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("unknown procedure type " + approval.procedureType());
        }
        if (approval.date() == null
                || approval.approvalNumber() == null
                || approval.approvalNumber().isBlank()) {
            throw new UnreadableRecordException("a granted permit needs its date and approval number");
        }
        Project project = Project.lockByCode(found.code);
        try {
            procedures.update(
                    project,
                    type,
                    new ProcedureUpdate(
                            ProcedureStatus.DONE,
                            procedures.targetDate(project, type).orElse(null), // the office's target stays
                            approval.date(),
                            approval.authority(),
                            approval.approvalNumber()),
                    source,
                    Map.of("approvalMessage", messageId));
        } catch (HttpProblemException e) {
            throw new UnreadableRecordException("the permit cannot be applied: " + e.getMessage());
        }
        ProcessedMessage processed = new ProcessedMessage();
        processed.messageId = messageId;
        processed.source = source;
        processed.processedAt = Instant.now();
        processed.persist();
        return Outcome.APPLIED;
    }
}
