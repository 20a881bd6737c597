package org.districtledger.registry.conversion;

import org.districtledger.contract.Pool;
import org.districtledger.runtime.HttpProblemException;

import java.time.LocalDate;

/**
 * Which moves between pools are allowed. Forward by one step (PLANNING → RESERVE → PREPARING → BUILDING) is
 * the normal case; a skip, a move back, a suspension or a cancellation needs a reason. Completion and
 * production are milestones, not conversions; a cancelled project moves no more.
 */
public final class ConversionRules {

    /** The four pools, in the order projects mature. */
    private ConversionRules() {}

    /** What a conversion needs beyond its target, as found on the project after the request's dates are applied. */
    public record Facts(
            Pool from,
            Pool to,
            String reason,
            LocalDate date,
            LocalDate today,
            LocalDate actualStart,
            LocalDate plannedStart,
            int planYear) {}

    /** Whether the move is the normal one: forward by one pool. */
    public static boolean isForwardByOne(Pool from, Pool to) {
        int f = Pool.FUNNEL.indexOf(from);
        int t = Pool.FUNNEL.indexOf(to);
        return f >= 0 && t == f + 1;
    }

    /** Refuses a conversion the rules forbid, naming the field and the reason. */
    public static void check(Facts facts) {
        Pool from = facts.from();
        Pool to = facts.to();
        if (from == to) {
            throw HttpProblemException.conflict("to", "the project is in " + to + " already");
        }
        if (from == Pool.CANCELLED) {
            throw HttpProblemException.conflict("to", "a cancelled project moves no more");
        }
        if (to == Pool.COMPLETED || to == Pool.IN_PRODUCTION) {
            throw HttpProblemException.invalidField(
                    "to", "completion and production are milestones: POST .../milestones");
        }
        if (from == Pool.COMPLETED || from == Pool.IN_PRODUCTION) {
            if (to != Pool.CANCELLED && to != Pool.SUSPENDED) {
                throw HttpProblemException.conflict("to", "a " + from + " project cannot go back to " + to);
            }
        }
        boolean hasReason = facts.reason() != null && !facts.reason().isBlank();
        if (!isForwardByOne(from, to) && !hasReason) {
            throw HttpProblemException.invalidField("reason", describe(from, to) + " needs a reason");
        }
        if (facts.date().isAfter(facts.today())) {
            throw HttpProblemException.invalidField("date", "a conversion cannot be dated in the future");
        }
        if (to == Pool.BUILDING && facts.actualStart() == null) {
            throw HttpProblemException.invalidField("startDate", "entering BUILDING needs the start date (开工日期)");
        }
        if (to == Pool.PREPARING
                && (facts.plannedStart() == null || facts.plannedStart().getYear() != facts.planYear())) {
            throw HttpProblemException.invalidField(
                    "plannedStart",
                    "entering PREPARING needs a planned start date in the plan year " + facts.planYear());
        }
    }

    private static String describe(Pool from, Pool to) {
        if (to == Pool.SUSPENDED) {
            return "a suspension";
        }
        if (to == Pool.CANCELLED) {
            return "a cancellation";
        }
        if (from == Pool.SUSPENDED) {
            return "a resumption";
        }
        int f = Pool.FUNNEL.indexOf(from);
        int t = Pool.FUNNEL.indexOf(to);
        return t < f ? "a move back from " + from + " to " + to : "a skip from " + from + " to " + to;
    }
}
