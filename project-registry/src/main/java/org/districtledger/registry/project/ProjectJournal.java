package org.districtledger.registry.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.runtime.outbox.Outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a change of a project, in the transaction that made it: the next sequence number, a history row
 * with who, when and the values before and after, and the event in the outbox. The event's body carries the
 * sequence number, what changed, and the project's whole state after the change.
 */
@ApplicationScoped
public class ProjectJournal {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ObjectMapper json;

    public ProjectJournal(EntityManager entityManager, Outbox outbox, ObjectMapper json) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * @param project the project, already changed and persisted (and locked, unless it is new)
     * @param before the values the change replaced, or {@code null} where there were none
     * @param after the values the change wrote
     * @param change what the event says changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectView record(
            Project project, ProjectEventType type, String actor, Object before, Object after, Map<String, ?> change) {
        project.updatedAt = Instant.now();
        project.updatedBy = actor;
        project.nextEventSequence();
        entityManager.flush();
        return write(project, type, actor, before, after, change);
    }

    /**
     * Records a project's registration: the project was persisted as registered (its first event sequence number, who
     * and when set before), so its one INSERT is all the database sees of it; then the history row and the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectView registered(Project project, Object after, Map<String, ?> change) {
        if (project.id == null || project.eventSequence != 1) {
            throw new IllegalStateException(
                    "a registration is recorded once the project is persisted as its first event");
        }
        return write(project, ProjectEventType.REGISTERED, project.updatedBy, null, after, change);
    }

    private ProjectView write(
            Project project, ProjectEventType type, String actor, Object before, Object after, Map<String, ?> change) {
        ProjectView view = ProjectView.of(project);
        ProjectHistory history = new ProjectHistory();
        history.projectId = project.id;
        history.sequence = project.eventSequence;
        history.action = type.cloudEventType();
        history.actor = actor;
        history.at = project.updatedAt;
        history.beforeValues = before == null ? null : write(before);
        history.afterValues = write(after);
        history.persist();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", view.code());
        body.put("sequence", view.sequence());
        body.put("change", change);
        body.put("project", view);
        outbox.append(type.cloudEventType(), view.code(), view.sequence(), body);
        return view;
    }

    private String write(Object values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the history of a change", e);
        }
    }
}
