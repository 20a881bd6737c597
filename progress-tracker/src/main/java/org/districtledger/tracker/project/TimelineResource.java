package org.districtledger.tracker.project;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The tracker's story of one project: the registry's events, its flags and its assignments. */
@Path("/api/v1/projects/{code}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class TimelineResource {

    /** One line of the story. */
    public record Line(Instant at, TimelineEntry.Kind kind, String type, String summary) {}

    private final ReadModel readModel;

    public TimelineResource(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GET
    @Operation(summary = "The project's events, flags and assignments, oldest first, told in Chinese")
    public List<Line> timeline(@PathParam("code") String code) {
        return readModel.timeline(code).stream()
                .map(e -> new Line(e.occurredAt, e.kind, e.type, e.summary))
                .toList();
    }
}
