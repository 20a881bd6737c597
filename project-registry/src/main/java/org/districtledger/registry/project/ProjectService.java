package org.districtledger.registry.project;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.districtledger.registry.outbox.Outbox;
import org.districtledger.registry.outbox.ProjectEventType;
import org.districtledger.runtime.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/** Admits projects into the ledger and answers for them; every change and its event commit together. */
@ApplicationScoped
public class ProjectService {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "ledger.code-prefix")
    String codePrefix;

    @Transactional
    public ProjectView register(NewProject request, String actor) {
        checkRules(request);
        if (request.nationalCode() != null && Project.count("nationalCode", request.nationalCode()) > 0) {
            throw ProblemException.conflict("nationalCode", "a project with national code " + request.nationalCode() + " is already on the ledger");
        }
        Project project = new Project();
        project.code = nextCode(request.planYear());
        project.nationalCode = request.nationalCode();
        project.name = request.name().strip();
        project.pool = request.pool();
        project.cityCategory = request.cityCategory();
        project.industryChain = request.industryChain();
        project.town = request.town();
        project.ownerUnit = request.ownerUnit();
        project.leadDepartment = request.leadDepartment();
        project.planYear = request.planYear();
        project.totalInvestment = request.totalInvestment().setScale(2);
        project.annualPlanInvestment = request.annualPlanInvestment().setScale(2);
        project.plannedStart = request.plannedStart();
        project.plannedCompletion = request.plannedCompletion();
        project.actualStart = request.actualStart();
        project.fundingSources = request.fundingSources() == null || request.fundingSources().isEmpty()
                ? EnumSet.noneOf(FundingSource.class) : EnumSet.copyOf(request.fundingSources());
        project.fromBeijing = Boolean.TRUE.equals(request.fromBeijing());
        Instant now = Instant.now();
        project.createdAt = now;
        project.createdBy = actor;
        project.updatedAt = now;
        project.updatedBy = actor;
        project.nextEventSequence();
        project.persist();
        entityManager.flush();
        ProjectView view = ProjectView.of(project);
        outbox.append(ProjectEventType.REGISTERED, view, Map.of("registered", view));
        return view;
    }

    public Optional<ProjectView> find(String code) {
        return Optional.ofNullable(Project.findByCode(code)).map(ProjectView::of);
    }

    public ProjectPage list(Pool pool, int page, int size) {
        var query = pool == null
                ? Project.<Project>findAll(Sort.by("code"))
                : Project.<Project>find("pool", Sort.by("code"), pool);
        var items = query.page(Page.of(page, size)).list().stream().map(ProjectView::of).toList();
        return new ProjectPage(items, page, size, query.count());
    }

    private static void checkRules(NewProject request) {
        if (request.annualPlanInvestment().compareTo(request.totalInvestment()) > 0) {
            throw ProblemException.invalidField("annualPlanInvestment", "must not exceed totalInvestment");
        }
        if (request.plannedStart() != null && request.plannedCompletion() != null
                && request.plannedCompletion().isBefore(request.plannedStart())) {
            throw ProblemException.invalidField("plannedCompletion", "must not be before plannedStart");
        }
        switch (request.pool()) {
            case BUILDING -> {
                if (request.actualStart() == null) {
                    throw ProblemException.invalidField("actualStart", "a project in BUILDING has started: give its start date");
                }
            }
            case PREPARING -> {
                if (request.plannedStart() == null || request.plannedStart().getYear() != request.planYear()) {
                    throw ProblemException.invalidField("plannedStart", "a project in PREPARING needs a planned start date in the plan year " + request.planYear());
                }
            }
            case PLANNING, RESERVE -> {
                if (request.actualStart() != null) {
                    throw ProblemException.invalidField("actualStart", "a project in " + request.pool() + " has not started");
                }
            }
            default -> throw ProblemException.invalidField("pool", "a new project enters one of PLANNING, RESERVE, PREPARING or BUILDING");
        }
    }

    private String nextCode(int planYear) {
        long serial = ((Number) entityManager.createNativeQuery("SELECT nextval('project_code_seq')").getSingleResult()).longValue();
        return String.format("%s-%d-%04d", codePrefix, planYear, serial);
    }
}
