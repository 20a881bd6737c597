package org.districtledger.registry.conversion;

import org.districtledger.contract.Pool;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConversionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 6, 1);
    private static final LocalDate STARTED = LocalDate.of(2023, 5, 20);
    private static final LocalDate PLANNED = LocalDate.of(2023, 9, 1);

    @Test
    void forwardByOneNeedsNoReason() {
        assertDoesNotThrow(() -> check(Pool.PLANNING, Pool.RESERVE, null, null, null));
        assertDoesNotThrow(() -> check(Pool.RESERVE, Pool.PREPARING, null, null, PLANNED));
        assertDoesNotThrow(() -> check(Pool.PREPARING, Pool.BUILDING, null, STARTED, PLANNED));
    }

    @Test
    void aSkipAMoveBackASuspensionAndACancellationNeedAReason() {
        assertEquals("reason", refusedField(Pool.PLANNING, Pool.PREPARING, null, null, PLANNED));
        assertEquals("reason", refusedField(Pool.PREPARING, Pool.RESERVE, " ", null, PLANNED));
        assertEquals("reason", refusedField(Pool.BUILDING, Pool.SUSPENDED, null, STARTED, PLANNED));
        assertEquals("reason", refusedField(Pool.RESERVE, Pool.CANCELLED, null, null, null));
        assertEquals("reason", refusedField(Pool.SUSPENDED, Pool.BUILDING, null, STARTED, null));
        assertDoesNotThrow(() -> check(Pool.PLANNING, Pool.PREPARING, "市级调度提前", null, PLANNED));
        assertDoesNotThrow(() -> check(Pool.BUILDING, Pool.SUSPENDED, "资金未到位", STARTED, null));
    }

    @Test
    void enteringBuildingNeedsAStartAndPreparingAPlannedStartInThePlanYear() {
        assertEquals("startDate", refusedField(Pool.PREPARING, Pool.BUILDING, null, null, PLANNED));
        assertEquals("plannedStart", refusedField(Pool.RESERVE, Pool.PREPARING, null, null, null));
        assertEquals("plannedStart", refusedField(Pool.RESERVE, Pool.PREPARING, null, null, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void cancelledProjectsStayCancelledAndCompletionIsAMilestone() {
        assertEquals(
                409, refused(Pool.CANCELLED, Pool.PLANNING, "重新谋划", null, null).status());
        assertEquals("to", refusedField(Pool.BUILDING, Pool.COMPLETED, null, STARTED, null));
        assertEquals(
                409, refused(Pool.BUILDING, Pool.BUILDING, null, STARTED, null).status());
        assertEquals(
                409, refused(Pool.COMPLETED, Pool.BUILDING, "返工", STARTED, null).status());
    }

    @Test
    void aConversionIsNotDatedInTheFuture() {
        HttpProblemException e = assertThrows(
                HttpProblemException.class,
                () -> ConversionRules.check(new ConversionRules.Facts(
                        Pool.PLANNING, Pool.RESERVE, null, TODAY.plusDays(1), TODAY, null, null, 2023)));
        assertEquals("date", e.toProblem("/").errors().get(0).field());
    }

    private static void check(Pool from, Pool to, String reason, LocalDate start, LocalDate planned) {
        ConversionRules.check(new ConversionRules.Facts(from, to, reason, TODAY, TODAY, start, planned, 2023));
    }

    private static HttpProblem refused(Pool from, Pool to, String reason, LocalDate start, LocalDate planned) {
        HttpProblemException e =
                assertThrows(HttpProblemException.class, () -> check(from, to, reason, start, planned));
        return e.toProblem("/");
    }

    private static String refusedField(Pool from, Pool to, String reason, LocalDate start, LocalDate planned) {
        return refused(from, to, reason, start, planned).errors().get(0).field();
    }
}
