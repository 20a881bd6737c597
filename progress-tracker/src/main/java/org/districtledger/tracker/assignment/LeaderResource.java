package org.districtledger.tracker.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The district leaders and the projects each answers for. */
@Path("/api/v1/leaders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assignments")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class LeaderResource {

    private final AssignmentService assignments;

    public LeaderResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @Operation(summary = "Every leader with his or her projects")
    public List<LeaderView> leaders() {
        return assignments.leaders();
    }
}
