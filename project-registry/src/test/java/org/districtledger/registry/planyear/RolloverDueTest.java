package org.districtledger.registry.planyear;

import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A year is not closed before its last month by mistake: from 1 December on, and in the years after it. */
class RolloverDueTest {

    private static final MonthDay DECEMBER = MonthDay.of(12, 1);

    @Test
    void notBeforeTheDayTheRolloverOpens() {
        HttpProblemException refused = assertThrows(
                HttpProblemException.class,
                () -> PlanYearService.requireDue(2023, DECEMBER, LocalDate.parse("2023-06-30")));
        HttpProblem problem = refused.toProblem("/api/v1/plan-years/2023/rollover");
        assertEquals(409, problem.status());
        assertEquals("year", problem.errors().get(0).field());
        assertEquals(
                "2023 年度自 2023-12-01 起方可结转 / plan year 2023 can be rolled over from 2023-12-01",
                problem.errors().get(0).reason());
        assertDoesNotThrow(() -> PlanYearService.requireDue(2023, DECEMBER, LocalDate.parse("2023-12-01")));
        assertDoesNotThrow(() -> PlanYearService.requireDue(2023, DECEMBER, LocalDate.parse("2024-01-15")));
    }
}
