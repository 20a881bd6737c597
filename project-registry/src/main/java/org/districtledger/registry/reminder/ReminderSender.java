package org.districtledger.registry.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.districtledger.contract.IsoWeek;
import org.districtledger.registry.workspace.WorkspaceService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every Monday morning makes the week's reminders, and every few seconds posts the pending ones to their task
 * forces' group robots; a robot that fails is tried again, up to a limit, and never holds up the others. Logs never
 * show a webhook's address, which holds the robot's key.
 */
@ApplicationScoped
public class ReminderSender {

    private static final Logger LOG = Logger.getLogger(ReminderSender.class);

    private final ReminderService reminders;
    private final WorkspaceService workspace;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final Optional<String> workspaceUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ReminderSender(
            ReminderService reminders,
            WorkspaceService workspace,
            ObjectMapper json,
            MeterRegistry meters,
            @ConfigProperty(name = "ledger.reminders.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "ledger.reminders.workspace-url") Optional<String> workspaceUrl) {
        this.reminders = reminders;
        this.workspace = workspace;
        this.json = json;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.workspaceUrl = workspaceUrl;
    }

    @Scheduled(cron = "{ledger.reminders.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void monday() {
        IsoWeek week = workspace.currentWeek();
        try {
            ReminderService.Run run = reminders.remind(week);
            LOG.infof("Reminders of %s: %d made, %d made before", week, run.created(), run.existing());
        } catch (RuntimeException e) {
            // another replica made them at the same moment (one per task force and week), or the database is away
            LOG.warnf("Reminders of %s not made now: %s", week, e.getMessage());
        }
    }

    @Scheduled(
            every = "{ledger.reminders.send-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendPending() {
        List<Long> pending;
        try {
            pending = QuarkusTransaction.requiringNew()
                    .call(() -> Reminder.<Reminder>find("robotStatus = ?1 order by id", Reminder.RobotStatus.PENDING)
                            .page(0, 50)
                            .list()
                            .stream()
                            .map(r -> r.id)
                            .toList());
        } catch (RuntimeException e) {
            return; // the database is away: the reminders wait in it
        }
        for (Long id : pending) {
            QuarkusTransaction.requiringNew().run(() -> send(id));
        }
    }

    private void send(long id) {
        Reminder reminder = Reminder.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (reminder == null || reminder.robotStatus != Reminder.RobotStatus.PENDING) {
            return;
        }
        TaskForceRobot robot = TaskForceRobot.findById(reminder.taskForce);
        if (robot == null) {
            reminder.robotStatus = Reminder.RobotStatus.NONE;
            return;
        }
        reminder.robotAttempts++;
        try {
            JsonNode body = json.readTree(reminder.items);
            String title = reminder.taskForce + " · " + reminder.isoWeek + " 待办";
            String markdown = RobotMessages.markdown(body, workspaceUrl.orElse(null));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(RobotMessages.address(robot, System.currentTimeMillis())))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            json.writeValueAsString(RobotMessages.body(robot.kind, title, markdown))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            if (response.statusCode() / 100 != 2 || answer.path("errcode").asInt(0) != 0) {
                throw new IllegalStateException("the robot answered " + response.statusCode() + " "
                        + answer.path("errmsg").asText(""));
            }
            reminder.robotStatus = Reminder.RobotStatus.SENT;
            reminder.sentAt = Instant.now();
            reminder.robotError = null;
            meters.counter("ledger_reminders_sent", "robot", robot.kind.name().toLowerCase())
                    .increment();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            reminder.robotError = why.length() > 500 ? why.substring(0, 500) : why;
            if (reminder.robotAttempts >= maxAttempts) {
                reminder.robotStatus = Reminder.RobotStatus.FAILED;
                meters.counter(
                                "ledger_reminders_failed",
                                "robot",
                                robot.kind.name().toLowerCase())
                        .increment();
            }
            LOG.warnf(
                    "Reminder %s to the robot of %s not delivered (attempt %d): %s",
                    reminder.code, reminder.taskForce, reminder.robotAttempts, reminder.robotError);
        }
    }
}
