package org.districtledger.registry.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.districtledger.contract.FundingSource;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.contract.ProjectRules;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Admits projects into the ledger, edits them and answers for them; every change and its event commit together. */
@ApplicationScoped
public class ProjectService {

    /** Fields a client may see but never write, with what to do instead. */
    private static final Map<String, String> NOT_EDITABLE = Map.ofEntries(
            Map.entry("pool", "changes by a conversion: POST /api/v1/projects/{code}/conversions"),
            Map.entry("poolReason", "is given with a conversion"),
            Map.entry("poolSince", "is set by conversions"),
            Map.entry("actualSiteEntry", "is set by a milestone: POST /api/v1/projects/{code}/milestones"),
            Map.entry("actualStart", "is set by a milestone: POST /api/v1/projects/{code}/milestones"),
            Map.entry("actualCompletion", "is set by a milestone: POST /api/v1/projects/{code}/milestones"),
            Map.entry("actualProduction", "is set by a milestone: POST /api/v1/projects/{code}/milestones"));

    private static final Set<String> EDITABLE = Set.of(
            "nationalCode",
            "name",
            "cityCategory",
            "industryChain",
            "town",
            "ownerUnit",
            "leadDepartment",
            "planYear",
            "totalInvestment",
            "annualPlanInvestment",
            "plannedStart",
            "plannedCompletion",
            "fundingSources",
            "fromBeijing",
            "keyConversion",
            "conversionTargetPool",
            "conversionTargetDate");

    private final ProjectJournal journal;
    private final ObjectMapper json;
    private final Validator validator;
    private final String codePrefix;

    public ProjectService(
            ProjectJournal journal,
            ObjectMapper json,
            Validator validator,
            @ConfigProperty(name = "ledger.code-prefix") String codePrefix) {
        this.journal = journal;
        this.json = json;
        this.validator = validator;
        this.codePrefix = codePrefix;
    }

    @Transactional
    public ProjectView register(NewProject request, String actor) {
        checkRegistration(request);
        if (PlanYear.isClosed(request.planYear())) {
            throw HttpProblemException.conflict("planYear", PlanYear.closedReason(request.planYear()));
        }
        checkNationalCodeFree(request.nationalCode(), null);
        ProjectView registered =
                admit(request, code(request.planYear(), nextSerials(1).get(0)), actor);
        Project.flush(); // in the database now, for whatever the request goes on to write about it
        return registered;
    }

    /**
     * Admits many projects at once (an import's rows), each checked and recorded as {@link #register} does, with
     * what a single registration asks the database for asked once for all: the closed years, the national codes
     * already held, the ledger codes' serial numbers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registerAll(List<NewProject> requests, String actor) {
        if (requests.isEmpty()) {
            return;
        }
        Set<Integer> closed = PlanYear.closedYears();
        Set<String> nationalCodes = new HashSet<>();
        for (NewProject request : requests) {
            checkRegistration(request);
            if (closed.contains(request.planYear())) {
                throw HttpProblemException.conflict("planYear", PlanYear.closedReason(request.planYear()));
            }
            if (request.nationalCode() != null && !nationalCodes.add(request.nationalCode())) {
                throw HttpProblemException.conflict(
                        "nationalCode", "national code " + request.nationalCode() + " is given twice");
            }
        }
        if (!nationalCodes.isEmpty()) {
            Project holder = Project.find("nationalCode in ?1", nationalCodes).firstResult();
            if (holder != null) {
                throw HttpProblemException.conflict(
                        "nationalCode",
                        "national code " + holder.nationalCode + " belongs to " + holder.code + " already");
            }
        }
        List<Long> serials = nextSerials(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewProject request = requests.get(i);
            admit(request, code(request.planYear(), serials.get(i)), actor);
        }
    }

    private ProjectView admit(NewProject request, String code, String actor) {
        Project project = new Project();
        project.code = code;
        project.pool = request.pool();
        project.actualStart = request.actualStart();
        new ProjectEdit(
                        request.nationalCode(),
                        request.name(),
                        request.cityCategory(),
                        request.industryChain(),
                        request.town(),
                        request.ownerUnit(),
                        request.leadDepartment(),
                        request.planYear(),
                        request.totalInvestment(),
                        request.annualPlanInvestment(),
                        request.plannedStart(),
                        request.plannedCompletion(),
                        request.fundingSources() == null
                                ? EnumSet.noneOf(FundingSource.class)
                                : request.fundingSources(),
                        Boolean.TRUE.equals(request.fromBeijing()),
                        Boolean.TRUE.equals(request.keyConversion()),
                        request.conversionTargetPool(),
                        request.conversionTargetDate())
                .applyTo(project);
        project.poolSince = request.poolSince() != null
                ? request.poolSince()
                : request.pool() == Pool.BUILDING ? request.actualStart() : LocalDate.now();
        project.admittedOn = project.poolSince;
        project.createdAt = Instant.now();
        project.createdBy = actor;
        project.updatedAt = project.createdAt;
        project.updatedBy = actor;
        project.nextEventSequence();
        project.persist();
        return journal.registered(project, ProjectEdit.of(project), Map.of("pool", project.pool));
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the editable fields, if the project is still at the version the
     * client read.
     */
    @Transactional
    public ProjectView patch(String code, long expectedVersion, JsonNode mergePatch, String actor) {
        Project project = Project.lockByCode(code);
        if (project.version != expectedVersion) {
            throw new HttpProblemException(
                    412,
                    "stale",
                    "Precondition failed",
                    "If-Match: the project is at version " + project.version + ", not " + expectedVersion
                            + "; read it again and reapply the change",
                    List.of(new HttpProblem.FieldError("If-Match", "stale version " + expectedVersion)));
        }
        if (mergePatch == null || !mergePatch.isObject() || mergePatch.isEmpty()) {
            throw HttpProblemException.invalidField("body", "must be a JSON object with the fields to change");
        }
        mergePatch.fieldNames().forEachRemaining(field -> {
            if (NOT_EDITABLE.containsKey(field)) {
                throw HttpProblemException.invalidField(field, NOT_EDITABLE.get(field));
            }
            if (!EDITABLE.contains(field)) {
                throw HttpProblemException.invalidField(field, "unknown field, or one the server owns");
            }
        });
        ProjectEdit before = ProjectEdit.of(project);
        ObjectNode merged = json.valueToTree(before);
        mergePatch.fields().forEachRemaining(entry -> merged.set(entry.getKey(), entry.getValue()));
        ProjectEdit after = read(merged);
        Set<ConstraintViolation<ProjectEdit>> violations = validator.validate(after);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return update(project, after, actor);
    }

    /**
     * Writes edited values to a locked project, checked by the rules, and records the fields that changed; a
     * project found as it is stays untouched, with no history and no event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectView update(Project project, ProjectEdit after, String actor) {
        checkPlanYearOpen(ProjectEdit.of(project), after);
        return write(project, after, actor);
    }

    /**
     * Carries a locked project over into the next plan year (结转): its new plan year, annual plan and planned dates,
     * checked by the rules and recorded as an edit. The rollover calls it once it has closed the year the project
     * leaves, whose plan stays as it closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectView carryOver(Project project, ProjectEdit after, String actor) {
        return write(project, after, actor);
    }

    private ProjectView write(Project project, ProjectEdit after, String actor) {
        ProjectEdit before = ProjectEdit.of(project);
        checkRules(after, project.pool);
        checkNationalCodeFree(after.nationalCode(), project.id);
        after.applyTo(project);

        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        Map<String, Object> beforeMap = json.convertValue(before, Map.class);
        Map<String, Object> afterMap = json.convertValue(ProjectEdit.of(project), Map.class);
        afterMap.forEach((field, value) -> {
            if (!Objects.equals(beforeMap.get(field), value)) {
                oldValues.put(field, beforeMap.get(field));
                newValues.put(field, value);
            }
        });
        if (newValues.isEmpty()) {
            return ProjectView.of(project);
        }
        // each changed field with its old and new value, for consumers (statistics, supervision) and the timelines
        Map<String, Object> values = new LinkedHashMap<>();
        newValues.forEach((field, value) -> {
            Map<String, Object> oldAndNew = new LinkedHashMap<>();
            oldAndNew.put("old", oldValues.get(field));
            oldAndNew.put("new", value);
            values.put(field, oldAndNew);
        });
        return journal.record(
                project,
                ProjectEventType.UPDATED,
                actor,
                oldValues,
                newValues,
                Map.of("fields", newValues.keySet(), "values", values));
    }

    public Optional<ProjectView> find(String code) {
        return Optional.ofNullable(Project.findByCode(code)).map(ProjectView::of);
    }

    public ProjectPage list(ProjectQuery query) {
        ProjectQuery.Condition condition = query.condition();
        var found = Project.<Project>find(condition.where(), query.sorting(), condition.parameters());
        List<ProjectView> items = found.page(Page.of(query.page, query.size)).list().stream()
                .map(ProjectView::of)
                .toList();
        return new ProjectPage(items, query.page, query.size, found.count());
    }

    /** Every project the query matches, in its order, without paging: for the ledger export. */
    public List<Project> all(ProjectQuery query) {
        ProjectQuery.Condition condition = query.condition();
        return Project.<Project>find(condition.where(), query.sorting(), condition.parameters())
                .list();
    }

    public List<HistoryEntry> history(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return ProjectHistory.<ProjectHistory>find("projectId = ?1 order by sequence", project.id).list().stream()
                .map(h -> new HistoryEntry(
                        h.sequence, h.action, h.actor, h.at, tree(h.beforeValues), tree(h.afterValues)))
                .toList();
    }

    private ProjectEdit read(ObjectNode merged) {
        try {
            return json.treeToValue(merged, ProjectEdit.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
            throw HttpProblemException.invalidField(field, "has the wrong type: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw HttpProblemException.invalidField("body", e.getOriginalMessage());
        }
    }

    private JsonNode tree(String values) {
        if (values == null) {
            return null;
        }
        try {
            return json.readTree(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable history row", e);
        }
    }

    /**
     * Refuses a change of a project's plan year or annual plan that would rewrite a closed year's plans (the year it
     * leaves or the one it goes to): a closed year stays as it closed.
     */
    public static void checkPlanYearOpen(ProjectEdit before, ProjectEdit after) {
        boolean yearChanged = !Objects.equals(before.planYear(), after.planYear());
        boolean planChanged = before.annualPlanInvestment().compareTo(after.annualPlanInvestment()) != 0;
        if (!yearChanged && !planChanged) {
            return;
        }
        for (Integer year : List.of(before.planYear(), after.planYear())) {
            if (PlanYear.isClosed(year)) {
                throw HttpProblemException.conflict(
                        yearChanged ? "planYear" : "annualPlanInvestment", PlanYear.closedReason(year));
            }
        }
    }

    /** Refuses a new project whose values the ledger's rules forbid, naming every field that breaks one. */
    public static void checkRegistration(NewProject request) {
        List<ProjectRules.Violation> broken = new ArrayList<>(ProjectRules.entry(request.pool()));
        if (broken.isEmpty()) {
            broken.addAll(ProjectRules.start(request.pool(), request.actualStart()));
            broken.addAll(ProjectRules.values(
                    request.pool(),
                    request.planYear(),
                    request.totalInvestment(),
                    request.annualPlanInvestment(),
                    request.plannedStart(),
                    request.plannedCompletion()));
            broken.addAll(ProjectRules.conversionTarget(
                    Boolean.TRUE.equals(request.keyConversion()),
                    request.conversionTargetPool(),
                    request.conversionTargetDate()));
        }
        refuse(broken);
    }

    /** Refuses edited values the rules forbid for a project in {@code pool}, naming every field that breaks one. */
    public static void checkRules(ProjectEdit edit, Pool pool) {
        List<ProjectRules.Violation> broken = new ArrayList<>(ProjectRules.values(
                pool,
                edit.planYear(),
                edit.totalInvestment(),
                edit.annualPlanInvestment(),
                edit.plannedStart(),
                edit.plannedCompletion()));
        broken.addAll(ProjectRules.conversionTarget(
                edit.keyConversion(), edit.conversionTargetPool(), edit.conversionTargetDate()));
        refuse(broken);
    }

    private static void refuse(List<ProjectRules.Violation> broken) {
        if (!broken.isEmpty()) {
            throw HttpProblemException.invalidFields(broken.stream()
                    .map(v -> new HttpProblem.FieldError(v.field(), v.reasonEn()))
                    .toList());
        }
    }

    private static void checkNationalCodeFree(String nationalCode, Long ownId) {
        if (nationalCode == null) {
            return;
        }
        Project holder = Project.find("nationalCode", nationalCode).firstResult();
        if (holder != null && !holder.id.equals(ownId)) {
            throw HttpProblemException.conflict(
                    "nationalCode", "national code " + nationalCode + " belongs to " + holder.code + " already");
        }
    }

    /** The next {@code count} serial numbers of the ledger codes, in one query. */
    @SuppressWarnings("unchecked")
    private static List<Long> nextSerials(int count) {
        return ((List<Number>) Project.getEntityManager()
                        .createNativeQuery("SELECT nextval('project_code_seq') FROM generate_series(1, ?1)")
                        .setParameter(1, count)
                        .getResultList())
                .stream().map(Number::longValue).sorted().toList();
    }

    private String code(int planYear, long serial) {
        return String.format("%s-%d-%04d", codePrefix, planYear, serial);
    }
}
