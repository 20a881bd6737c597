package org.districtledger.tracker.conversion;

import org.districtledger.contract.Pool;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's time in one pool: from the day it entered to the day it left for {@code leftTo} ({@code null} while it
 * is still there). {@code plannedStart} is the project's planned start as known on the day the figures are read: in
 * the preparing pool the dwell limit counts from it, as the 转化停滞 rule does.
 */
public record PoolStay(
        String code, String name, Pool pool, LocalDate entered, LocalDate left, Pool leftTo, LocalDate plannedStart) {

    /** A move of a project from one pool to another on a day, as its conversion event told it. */
    public record Move(Pool from, Pool to, LocalDate on) {}

    /**
     * A project's stays, in order, from the pool it was registered in (entered on {@code since}) through its moves in
     * the order they were made. A move from a pool other than the one the project was in (an event the tracker
     * parked and released out of order) still starts its stay in the pool it went to.
     */
    public static List<PoolStay> of(
            String code, String name, Pool first, LocalDate since, List<Move> moves, LocalDate plannedStart) {
        List<PoolStay> stays = new ArrayList<>();
        Pool pool = first;
        LocalDate entered = since;
        for (Move move : moves) {
            LocalDate on = move.on().isBefore(entered) ? entered : move.on();
            stays.add(new PoolStay(code, name, pool, entered, on, move.to(), plannedStart));
            pool = move.to();
            entered = on;
        }
        stays.add(new PoolStay(code, name, pool, entered, null, null, plannedStart));
        return stays;
    }

    /** In the pool at the end of {@code day}. */
    public boolean openAt(LocalDate day) {
        return !entered.isAfter(day) && (left == null || left.isAfter(day));
    }

    /** Left the pool on a day from {@code from} to {@code to}, both included. */
    public boolean leftWithin(LocalDate from, LocalDate to) {
        return left != null && !left.isBefore(from) && !left.isAfter(to);
    }

    /** Entered the pool on a day from {@code from} to {@code to}, both included. */
    public boolean enteredWithin(LocalDate from, LocalDate to) {
        return !entered.isBefore(from) && !entered.isAfter(to);
    }

    /** Left for a pool further along the funnel (谋划→储备→预备→建设, a skip included): a conversion. */
    public boolean converted() {
        return left != null && rank(leftTo) > rank(pool);
    }

    /** Days from entering to leaving. */
    public long dwellDays() {
        return ChronoUnit.DAYS.between(entered, left);
    }

    /** Where a pool stands along the way from idea to production; off the way (suspended, cancelled): -1. */
    static int rank(Pool pool) {
        return switch (pool) {
            case PLANNING -> 0;
            case RESERVE -> 1;
            case PREPARING -> 2;
            case BUILDING -> 3;
            case COMPLETED -> 4;
            case IN_PRODUCTION -> 5;
            case SUSPENDED, CANCELLED -> -1;
        };
    }
}
