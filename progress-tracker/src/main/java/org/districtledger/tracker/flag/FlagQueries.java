package org.districtledger.tracker.flag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.districtledger.tracker.assignment.Assignment;
import org.districtledger.tracker.project.TrackedProject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds flags for those who read them: by state, colour, rule, who answers for them and where; red first. */
@ApplicationScoped
public class FlagQueries {

    /** What to look for; {@code null} takes any, except the state, which is OPEN unless named. */
    public record Filter(
            Flag.State state,
            Colour colour,
            Rule rule,
            String leader,
            String taskForce,
            String town,
            String chain,
            String project) {}

    private final EntityManager entityManager;

    public FlagQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public List<FlagView> find(Filter filter) {
        StringBuilder hql =
                new StringBuilder("select f, p, a from Flag f join TrackedProject p on p.code = f.projectCode"
                        + " left join Assignment a on a.projectCode = f.projectCode where f.state = :state");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("state", filter.state() == null ? Flag.State.OPEN : filter.state());
        add(hql, parameters, "f.colour", "colour", filter.colour());
        add(hql, parameters, "f.rule", "rule", filter.rule());
        add(hql, parameters, "a.leaderName", "leader", filter.leader());
        add(hql, parameters, "a.taskForceName", "taskForce", filter.taskForce());
        add(hql, parameters, "p.town", "town", filter.town());
        add(hql, parameters, "p.industryChain", "chain", filter.chain());
        add(hql, parameters, "f.projectCode", "project", filter.project());
        hql.append(" order by f.colour desc, f.raisedOn, f.projectCode, f.rule");
        TypedQuery<Object[]> query = entityManager.createQuery(hql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> FlagView.of((Flag) row[0], (TrackedProject) row[1], (Assignment) row[2]))
                .toList();
    }

    private static void add(StringBuilder hql, Map<String, Object> parameters, String path, String name, Object value) {
        if (value != null) {
            hql.append(" and ").append(path).append(" = :").append(name);
            parameters.put(name, value);
        }
    }
}
