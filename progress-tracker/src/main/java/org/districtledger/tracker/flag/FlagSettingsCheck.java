package org.districtledger.tracker.flag;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/** Stops the service at start when the thresholds contradict each other, naming the keys. */
@ApplicationScoped
public class FlagSettingsCheck {

    void onStart(@Observes StartupEvent event, FlagSettings settings) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The flag rules are misconfigured: " + String.join("; ", problems));
        }
    }

    static List<String> problems(FlagSettings s) {
        List<String> problems = new ArrayList<>();
        redAfterYellow(
                problems,
                "ledger.flags.stalled-start",
                "days",
                s.stalledStart().yellowDays(),
                s.stalledStart().redDays());
        redAfterYellow(
                problems,
                "ledger.flags.silent",
                "weeks",
                s.silent().yellowWeeks(),
                s.silent().redWeeks());
        var stuck = s.stuckConversion();
        redAfterYellow(
                problems,
                "ledger.flags.stuck-conversion.planning",
                "days",
                stuck.planningYellowDays(),
                stuck.planningRedDays());
        redAfterYellow(
                problems,
                "ledger.flags.stuck-conversion.reserve",
                "days",
                stuck.reserveYellowDays(),
                stuck.reserveRedDays());
        redAfterYellow(
                problems,
                "ledger.flags.stuck-conversion.preparing",
                "days",
                stuck.preparingYellowDays(),
                stuck.preparingRedDays());
        redAfterYellow(
                problems,
                "ledger.flags.overdue-procedure",
                "days",
                s.overdueProcedure().yellowDays(),
                s.overdueProcedure().redDays());
        redAfterYellow(
                problems,
                "ledger.flags.late-completion",
                "days",
                s.lateCompletion().yellowDays(),
                s.lateCompletion().redDays());
        redAfterYellow(
                problems,
                "ledger.flags.key-conversion",
                "days",
                s.keyConversion().yellowDays(),
                s.keyConversion().redDays());
        if (s.laggingInvestment().redBelow().compareTo(s.laggingInvestment().yellowBelow()) >= 0) {
            problems.add("ledger.flags.lagging-investment.red-below ("
                    + s.laggingInvestment().redBelow()
                    + ") must be below ledger.flags.lagging-investment.yellow-below ("
                    + s.laggingInvestment().yellowBelow() + ")");
        }
        return problems;
    }

    private static void redAfterYellow(List<String> problems, String prefix, String unit, int yellow, int red) {
        if (red <= yellow) {
            problems.add(prefix + ".red-" + unit + " (" + red + ") must be greater than " + prefix + ".yellow-" + unit
                    + " (" + yellow + "): red comes after yellow");
        }
    }
}
