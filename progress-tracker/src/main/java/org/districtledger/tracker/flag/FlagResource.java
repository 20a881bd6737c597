package org.districtledger.tracker.flag;

import jakarta.annotation.security.RolesAllowed;
import org.districtledger.runtime.identity.Roles;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.tracker.assignment.Assignment;
import org.districtledger.tracker.project.TrackedProject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The flags: which projects lag, how badly, why, and who answers for them. */
@Path("/api/v1/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "flags", description = "Red and yellow flags raised by the rules")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class FlagResource {

    private final EntityManager entityManager;

    public FlagResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Operation(summary = "Flags by state (default OPEN), colour, rule, leader, task force, town and chain; red first")
    public List<FlagView> list(@QueryParam("state") Flag.State state,
                               @QueryParam("colour") Colour colour,
                               @QueryParam("rule") Rule rule,
                               @QueryParam("leader") @Size(max = 50) String leader,
                               @QueryParam("taskForce") @Size(max = 100) String taskForce,
                               @QueryParam("town") @Size(max = 64) String town,
                               @QueryParam("chain") @Size(max = 64) String chain,
                               @QueryParam("project") @Size(max = 32) String project) {
        StringBuilder hql = new StringBuilder("select f, p, a from Flag f join TrackedProject p on p.code = f.projectCode"
                + " left join Assignment a on a.projectCode = f.projectCode where f.state = :state");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("state", state == null ? Flag.State.OPEN : state);
        add(hql, parameters, "f.colour", "colour", colour);
        add(hql, parameters, "f.rule", "rule", rule);
        add(hql, parameters, "a.leaderName", "leader", leader);
        add(hql, parameters, "a.taskForceName", "taskForce", taskForce);
        add(hql, parameters, "p.town", "town", town);
        add(hql, parameters, "p.industryChain", "chain", chain);
        add(hql, parameters, "f.projectCode", "project", project);
        hql.append(" order by f.colour desc, f.raisedOn, f.projectCode, f.rule");
        TypedQuery<Object[]> query = entityManager.createQuery(hql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> FlagService.view((Flag) row[0], (TrackedProject) row[1], (Assignment) row[2]))
                .toList();
    }

    private static void add(StringBuilder hql, Map<String, Object> parameters, String path, String name, Object value) {
        if (value != null) {
            hql.append(" and ").append(path).append(" = :").append(name);
            parameters.put(name, value);
        }
    }
}
