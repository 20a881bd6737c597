package org.districtledger.registry.planyear;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A project's plans, year by year (分年度计划). */
@Path("/api/v1/projects/{code}/year-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plan years")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER, Roles.EXPORT})
public class ProjectYearPlanResource {

    private final PlanYearService planYears;

    public ProjectYearPlanResource(PlanYearService planYears) {
        this.planYears = planYears;
    }

    @GET
    @Operation(
            summary = "The project's plan for each year it has been on the ledger: annual plan, target, carried over")
    public List<YearPlanView> plans(@PathParam("code") String code) {
        return planYears.plansOf(code);
    }
}
