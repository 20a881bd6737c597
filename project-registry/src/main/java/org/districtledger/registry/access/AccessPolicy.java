package org.districtledger.registry.access;

import jakarta.enterprise.context.RequestScoped;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;

/**
 * Which projects the signed-in user may write. The office writes all; an officer reports (progress, permits,
 * milestones, problems) only on the projects of the task forces he belongs to; a leader resolves only the
 * problems of his own projects. Checked before anything is written, so a refusal leaves nothing behind.
 */
@RequestScoped
public class AccessPolicy {

    private final CurrentUser user;

    public AccessPolicy(CurrentUser user) {
        this.user = user;
    }

    /** Progress, procedures, milestones and problems of a project. */
    public void requireReporter(String code) {
        if (user.hasRole(Roles.ADMIN)) {
            return;
        }
        if (user.hasRole(Roles.OFFICER) && isMember(ProjectAccess.findById(code))) {
            return;
        }
        throw HttpProblemException.forbidden(user.name() + " is not a member of the task force of " + code);
    }

    /** Whether the signed-in user may report on the project (as {@link #requireReporter} would let him). */
    public boolean mayReport(String code) {
        return user.hasRole(Roles.ADMIN) || (user.hasRole(Roles.OFFICER) && isMember(ProjectAccess.findById(code)));
    }

    /** The resolution of a problem of a project: the office, an officer of the project's task force, or its leader. */
    public void requireResolver(String code) {
        if (user.hasRole(Roles.ADMIN)) {
            return;
        }
        ProjectAccess access = ProjectAccess.findById(code);
        if (user.hasRole(Roles.OFFICER) && isMember(access)) {
            return;
        }
        if (user.hasRole(Roles.LEADER) && access != null && user.name().equals(access.leaderAccount)) {
            return;
        }
        throw HttpProblemException.forbidden(user.name() + " is neither the leader nor in the task force of " + code);
    }

    private boolean isMember(ProjectAccess access) {
        return access != null && access.members().contains(user.name());
    }
}
