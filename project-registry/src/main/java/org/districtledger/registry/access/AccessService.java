package org.districtledger.registry.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/** Keeps who may report on each project, from the tracker's assignment announcements; each applied once, newest wins. */
@ApplicationScoped
public class AccessService {

    private static final Logger LOG = Logger.getLogger(AccessService.class);

    @Transactional
    public void apply(String eventId, AssignmentAnnounced announced) {
        ProjectAccess access = ProjectAccess.findById(announced.projectCode(), LockModeType.PESSIMISTIC_WRITE);
        if (access != null && access.assignmentVersion >= announced.version()) {
            LOG.debugf(
                    "Assignment %s of %s already applied (have %s)",
                    announced.version(), announced.projectCode(), (Object) access.assignmentVersion);
            return;
        }
        if (access == null) {
            access = new ProjectAccess();
            access.projectCode = announced.projectCode();
        }
        access.assignmentVersion = announced.version();
        access.taskForce = announced.taskForce().name();
        access.leaderAccount =
                announced.leader() == null ? null : announced.leader().account();
        access.memberAccounts = announced.taskForce().members() == null
                ? ""
                : announced.taskForce().members().stream()
                        .map(AssignmentAnnounced.Member::account)
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(account -> !account.isEmpty())
                        .collect(Collectors.joining("\n"));
        access.eventId = eventId;
        access.appliedAt = Instant.now();
        access.persist();
    }
}
