package org.districtledger.contract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IsoWeekTest {

    @Test
    void readsAndWritesTheIsoShape() {
        IsoWeek week = IsoWeek.parse("2023-W18", "isoWeek");
        assertEquals(LocalDate.of(2023, 5, 1), week.monday());
        assertEquals(LocalDate.of(2023, 5, 7), week.sunday());
        assertEquals("2023-W18", week.toString());
        assertEquals(IsoWeek.parse("2023-W01", "w"), IsoWeek.of(LocalDate.of(2023, 1, 2)));
        assertEquals(IsoWeek.parse("2022-W52", "w"), IsoWeek.of(LocalDate.of(2023, 1, 1)));
    }

    @Test
    void knowsWhichYearsHaveAWeek53() {
        assertEquals(52, IsoWeek.weeksIn(2023));
        assertEquals(53, IsoWeek.weeksIn(2020));
        assertEquals(LocalDate.of(2020, 12, 28), IsoWeek.parse("2020-W53", "w").monday());
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2023-W53", "w"));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2023-W00", "w"));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2023-18", "w"));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse(null, "w"));
    }
}
