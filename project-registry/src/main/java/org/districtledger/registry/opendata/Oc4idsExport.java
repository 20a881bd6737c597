package org.districtledger.registry.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.Labelled;
import org.districtledger.contract.MilestoneType;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.registry.procedure.ProcedureItem;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectYearPlan;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The ledger as open data, in the Open Contracting for Infrastructure Data Standard (OC4IDS 0.9): a project package
 * of the district's projects with their identifiers, status, budget (the total investment and the plan year's annual
 * plan, in yuan), period, location, parties and milestones (the permits, the start and the completion).
 * <p>
 * Only what this mapping names goes out; by rule nothing else does: no person (task forces, leaders, officers, who
 * changed what), no coordination problem, flag, photo or weekly report, no internal remark (a pool's reason) and no
 * internal target (key conversion targets).
 */
@ApplicationScoped
public class Oc4idsExport {

    /** The OC4IDS version the package follows (major.minor), and the schema it validates against. */
    static final String VERSION = "0.9";

    private static final Map<Pool, String> STATUS = Map.of(
            Pool.PLANNING, "identification",
            Pool.RESERVE, "identification",
            Pool.PREPARING, "preparation",
            Pool.BUILDING, "implementation",
            Pool.COMPLETED, "completion",
            Pool.IN_PRODUCTION, "maintenance",
            Pool.CANCELLED, "cancelled");

    private final ObjectMapper json;
    private final ZoneId zone;
    private final String prefix;
    private final String publisher;
    private final String region;

    public Oc4idsExport(
            ObjectMapper json,
            @ConfigProperty(name = "ledger.clock.zone", defaultValue = "Asia/Shanghai") String zone,
            @ConfigProperty(name = "ledger.oc4ids.prefix") String prefix,
            @ConfigProperty(name = "ledger.oc4ids.publisher") String publisher,
            @ConfigProperty(name = "ledger.oc4ids.region") String region) {
        this.json = json;
        this.zone = ZoneId.of(zone);
        this.prefix = prefix;
        this.publisher = publisher;
        this.region = region;
    }

    /** The package of every project, or of one plan year's ({@code year} given), published at {@code uri}. */
    @Transactional
    public ObjectNode projectPackage(URI uri, OptionalInt year) {
        // a year's file: the projects with a plan for that year, a closed one's carried-over projects among them
        List<Project> projects = year.isPresent()
                ? Project.list(
                        "id in (select y.id.projectId from ProjectYearPlan y where y.id.planYear = ?1) order by code",
                        year.getAsInt())
                : Project.list("order by code");
        Map<Long, List<ProjectYearPlan>> plans = projects.isEmpty()
                ? Map.of()
                : ProjectYearPlan.<ProjectYearPlan>list(
                                "id.projectId in ?1 order by id.planYear",
                                projects.stream().map(p -> p.id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(plan -> plan.id.projectId()));
        Map<Long, List<ProcedureItem>> procedures = projects.isEmpty()
                ? Map.of()
                : ProcedureItem.<ProcedureItem>list(
                                "projectId in ?1 order by type",
                                projects.stream().map(p -> p.id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(item -> item.projectId));
        ObjectNode pack = json.createObjectNode();
        pack.put("uri", uri.toString());
        pack.put("version", VERSION);
        // on demand: the date of the last change of what it holds
        Instant lastChange = projects.stream()
                .map(p -> p.updatedAt)
                .max(Comparator.naturalOrder())
                .orElse(Instant.now());
        pack.put("publishedDate", dateTime(lastChange));
        pack.putObject("publisher").put("name", publisher);
        ArrayNode items = pack.putArray("projects");
        projects.forEach(p ->
                items.add(project(p, procedures.getOrDefault(p.id, List.of()), plans.getOrDefault(p.id, List.of()))));
        return pack;
    }

    private ObjectNode project(Project p, List<ProcedureItem> procedures, List<ProjectYearPlan> plans) {
        ObjectNode o = json.createObjectNode();
        o.put("id", prefix + "-" + p.code);
        o.put("updated", dateTime(p.updatedAt));
        o.put("language", "zh");
        ArrayNode identifiers = o.putArray("identifiers");
        identifiers.addObject().put("id", p.code).put("scheme", "district-ledger");
        if (p.nationalCode != null) {
            // the code of the national online approval and supervision platform for investment projects
            identifiers.addObject().put("id", p.nationalCode).put("scheme", "CN-TZXM");
        }
        o.put("title", p.name);
        o.put(
                "description",
                Labelled.labelOf(Pool.class, p.pool.name()) + (p.industryChain == null ? "" : "，" + p.industryChain));
        if (STATUS.containsKey(p.pool)) {
            o.put("status", STATUS.get(p.pool));
        }

        ArrayNode parties = o.putArray("parties");
        if (p.leadDepartment != null) {
            parties.addObject()
                    .put("id", "lead-department")
                    .put("name", p.leadDepartment)
                    .putArray("roles")
                    .add("publicAuthority");
            o.putObject("publicAuthority").put("id", "lead-department").put("name", p.leadDepartment);
        }
        if (p.ownerUnit != null) {
            parties.addObject()
                    .put("id", "owner")
                    .put("name", p.ownerUnit)
                    .putArray("roles")
                    .add("buyer");
        }
        if (parties.isEmpty()) {
            o.remove("parties");
        }

        ObjectNode budget = o.putObject("budget");
        value(budget.putObject("amount"), p.totalInvestment);
        // one breakdown a plan year: what the project planned for each year it was on the ledger
        var breakdown = budget.putArray("budgetBreakdown");
        for (ProjectYearPlan plan : plans) {
            int planYear = plan.id.planYear();
            ObjectNode annual = breakdown.addObject();
            annual.put("id", "annual-plan-" + planYear);
            annual.put("description", planYear + "年度计划投资");
            value(annual.putObject("amount"), plan.annualPlanInvestment.setScale(2));
            annual.putObject("period")
                    .put("startDate", start(LocalDate.of(planYear, 1, 1)))
                    .put("endDate", end(LocalDate.of(planYear, 12, 31)));
        }

        if (p.plannedStart != null || p.plannedCompletion != null) {
            ObjectNode period = o.putObject("period");
            if (p.plannedStart != null) {
                period.put("startDate", start(p.plannedStart));
            }
            if (p.plannedCompletion != null) {
                period.put("endDate", end(p.plannedCompletion));
            }
        }
        if (p.actualStart != null) {
            ObjectNode implementation = o.putObject("implementationPeriod").put("startDate", start(p.actualStart));
            if (p.actualCompletion != null) {
                implementation.put("endDate", end(p.actualCompletion));
            }
        }
        if (p.town != null) {
            ObjectNode location = o.putArray("locations").addObject();
            location.put("id", "1");
            location.put("description", p.town);
            location.putObject("address")
                    .put("locality", p.town)
                    .put("region", region)
                    .put("countryName", "中国");
        }

        ArrayNode milestones = o.putArray("milestones");
        for (ProcedureItem item : procedures) {
            if (item.status == ProcedureStatus.NOT_REQUIRED) {
                continue;
            }
            ObjectNode m = milestones.addObject();
            m.put("id", "permit-" + item.type.name());
            m.put("title", item.type.label());
            m.put("type", "approval");
            milestone(m, item.targetDate, item.status == ProcedureStatus.DONE ? item.doneDate : null);
        }
        milestone(milestones, MilestoneType.STARTED, p.plannedStart, p.actualStart);
        milestone(milestones, MilestoneType.COMPLETED, p.plannedCompletion, p.actualCompletion);
        if (milestones.isEmpty()) {
            o.remove("milestones");
        }
        return o;
    }

    private void milestone(ArrayNode milestones, MilestoneType type, LocalDate due, LocalDate met) {
        if (due == null && met == null) {
            return;
        }
        ObjectNode m = milestones.addObject();
        m.put("id", type.name().toLowerCase(Locale.ROOT));
        m.put("title", type.label());
        m.put("type", "delivery");
        milestone(m, due, met);
    }

    private void milestone(ObjectNode m, LocalDate due, LocalDate met) {
        if (due != null) {
            m.put("dueDate", start(due));
        }
        if (met != null) {
            m.put("dateMet", start(met));
        }
        m.put("status", met != null ? "met" : "scheduled");
    }

    /** Money of the ledger (万元, exact) as OC4IDS wants it: in yuan, with its currency. */
    private static void value(ObjectNode value, BigDecimal tenThousands) {
        value.put("amount", tenThousands.movePointRight(4).stripTrailingZeros().setScale(0));
        value.put("currency", "CNY");
    }

    /** An instant as RFC 3339 wants it, to the second, in the district's zone. */
    private String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String start(LocalDate day) {
        return day.atStartOfDay(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String end(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
