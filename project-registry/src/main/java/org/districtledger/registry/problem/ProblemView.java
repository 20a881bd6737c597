package org.districtledger.registry.problem;

import java.time.LocalDate;

/** A coordination problem as the API and the events show it. */
public record ProblemView(
        long id,
        String projectCode,
        String title,
        String description,
        String department,
        LocalDate raisedOn,
        String raisedBy,
        LocalDate resolvedOn,
        String resolutionNote,
        String resolvedBy,
        LocalDate dueDate,
        boolean open) {

    static ProblemView of(CoordinationProblem p, String projectCode) {
        return new ProblemView(
                p.id,
                projectCode,
                p.title,
                p.description,
                p.department,
                p.raisedOn,
                p.raisedBy,
                p.resolvedOn,
                p.resolutionNote,
                p.resolvedBy,
                p.dueDate,
                p.resolvedOn == null);
    }
}
