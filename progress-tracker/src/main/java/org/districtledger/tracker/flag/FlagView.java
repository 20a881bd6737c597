package org.districtledger.tracker.flag;

import org.districtledger.tracker.assignment.Assignment;
import org.districtledger.tracker.project.TrackedProject;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A flag as the API and the alerts show it, with who answers for the project. */
public record FlagView(
        long id,
        String projectCode,
        String projectName,
        String town,
        String industryChain,
        String pool,
        Rule rule,
        String ruleLabel,
        int ruleVersion,
        String subject,
        Colour colour,
        String reason,
        Map<String, String> inputs,
        Flag.State state,
        LocalDate raisedOn,
        LocalDate escalatedOn,
        LocalDate clearedOn,
        String leader,
        String taskForce) {

    /** The flag on its project, with the project's assignment if it has one. */
    public static FlagView of(Flag flag, TrackedProject project, Assignment assignment) {
        return new FlagView(
                flag.id,
                flag.projectCode,
                project == null ? null : project.name,
                project == null ? null : project.town,
                project == null ? null : project.industryChain,
                project == null ? null : project.pool,
                flag.rule,
                flag.rule.label(),
                flag.ruleVersion,
                flag.subject,
                flag.colour,
                flag.reason,
                flag.inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(flag.inputs)),
                flag.state,
                flag.raisedOn,
                flag.escalatedOn,
                flag.clearedOn,
                assignment == null ? null : assignment.leaderName,
                assignment == null ? null : assignment.taskForceName);
    }
}
