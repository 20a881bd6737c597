package org.districtledger.registry.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.registry.access.ProjectAccess;
import org.districtledger.registry.workspace.Workspace;
import org.districtledger.registry.workspace.WorkspaceService;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.outbox.Outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Makes each task force's reminder of a week: what it has due, once per task force and week, published as
 * {@code ledger.reminder.due.v1} through the outbox in the same transaction, and queued for its group robot.
 */
@ApplicationScoped
public class ReminderService {

    public static final String EVENT_TYPE = "ledger.reminder.due.v1";

    /** What a run did: reminders made now, and those the week already had. */
    public record Run(String week, int created, int existing) {}

    private final WorkspaceService workspace;
    private final Outbox outbox;
    private final ObjectMapper json;

    public ReminderService(WorkspaceService workspace, Outbox outbox, ObjectMapper json) {
        this.workspace = workspace;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public Run remind(IsoWeek week) {
        if (week.monday().isAfter(LocalDate.now())) {
            throw HttpProblemException.invalidField(
                    "week", "第 " + week + " 周尚未开始 / week " + week + " has not begun yet");
        }
        Set<String> done = Reminder.<Reminder>list("isoWeek", week.toString()).stream()
                .map(r -> r.taskForce)
                .collect(Collectors.toSet());
        Set<String> robots = TaskForceRobot.<TaskForceRobot>listAll().stream()
                .map(r -> r.taskForce)
                .collect(Collectors.toSet());
        int created = 0;
        for (Map.Entry<String, List<Workspace.Item>> force :
                workspace.byTaskForce(week).entrySet()) {
            if (done.contains(force.getKey())) {
                continue;
            }
            List<Map<String, Object>> projects = new ArrayList<>();
            int count = 0;
            for (Workspace.Item item : force.getValue()) {
                List<Map<String, Object>> due = dueItems(item);
                if (!due.isEmpty()) {
                    projects.add(Map.of("code", item.code(), "name", item.name(), "items", due));
                    count += due.size();
                }
            }
            if (count == 0) {
                continue;
            }
            Reminder reminder = new Reminder();
            reminder.taskForce = force.getKey();
            reminder.isoWeek = week.toString();
            reminder.itemCount = count;
            reminder.createdAt = Instant.now();
            reminder.robotStatus =
                    robots.contains(force.getKey()) ? Reminder.RobotStatus.PENDING : Reminder.RobotStatus.NONE;
            // the reminder's own code and record key, e.g. RMD-2023-W27-3f9a1c2e
            reminder.code = "RMD-" + week + "-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", reminder.code);
            body.put("taskForce", reminder.taskForce);
            body.put("isoWeek", reminder.isoWeek);
            body.put("asOf", workspace.asOf(week).toString());
            body.put("itemCount", count);
            body.put("projects", projects);
            reminder.items = write(body);
            reminder.persist();
            outbox.append(EVENT_TYPE, reminder.code, 1, body);
            created++;
        }
        return new Run(week.toString(), created, done.size());
    }

    /** The reminders of the task forces the user belongs to (the office: all), newest first. */
    public List<ReminderView> inbox(String account, boolean all, int limit) {
        List<Reminder> reminders;
        if (all) {
            reminders =
                    Reminder.<Reminder>find("order by id desc").page(0, limit).list();
        } else {
            Set<String> forces = ProjectAccess.<ProjectAccess>listAll().stream()
                    .filter(a -> a.members().contains(account) || account.equals(a.leaderAccount))
                    .map(a -> a.taskForce)
                    .collect(Collectors.toSet());
            reminders = forces.isEmpty()
                    ? List.of()
                    : Reminder.<Reminder>find("taskForce in ?1 order by id desc", forces)
                            .page(0, limit)
                            .list();
        }
        return reminders.stream().map(this::view).toList();
    }

    private ReminderView view(Reminder r) {
        JsonNode body = read(r.items);
        return new ReminderView(
                r.code,
                r.taskForce,
                r.isoWeek,
                r.itemCount,
                body.path("projects"),
                r.createdAt,
                r.robotStatus.name(),
                r.sentAt);
    }

    static List<Map<String, Object>> dueItems(Workspace.Item item) {
        List<Map<String, Object>> due = new ArrayList<>();
        if (item.reportDue()) {
            due.add(entry("WEEKLY_REPORT", "本周周报未报", null, 0));
        }
        for (Workspace.PermitDue p : item.permits()) {
            due.add(entry(
                    "PERMIT",
                    p.label()
                            + (p.daysLate() > 0
                                    ? " 已逾期 " + p.daysLate() + " 天（目标 " + p.targetDate() + "）"
                                    : " 应于 " + p.targetDate() + " 前办结"),
                    p.targetDate(),
                    p.daysLate()));
        }
        for (Workspace.MilestoneDue m : item.milestones()) {
            due.add(entry(
                    "MILESTONE",
                    m.label() + " " + m.plannedDate() + (m.daysLate() > 0 ? "，已逾期 " + m.daysLate() + " 天" : ""),
                    m.plannedDate(),
                    m.daysLate()));
        }
        for (Workspace.ProblemWaiting q : item.problems()) {
            due.add(entry(
                    "PROBLEM",
                    "问题「" + q.title() + "」待" + q.department() + "协调，已等 " + q.daysWaiting() + " 天",
                    q.dueDate(),
                    0));
        }
        return due;
    }

    private static Map<String, Object> entry(String kind, String text, LocalDate date, long daysLate) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", kind);
        e.put("text", text);
        e.put("date", date == null ? null : date.toString());
        e.put("daysLate", daysLate);
        return e;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
