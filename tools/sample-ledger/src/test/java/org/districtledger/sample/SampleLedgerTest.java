package org.districtledger.sample;

import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample files reproduce every figure of the 2023 plan report, to the 万元. */
class SampleLedgerTest {

    private static final Set<String> UNDER_WAY = Set.of("BUILDING", "PREPARING");
    private static final Set<String> PLANNING = Set.of("RESERVE", "PLANNING");

    @Test
    void theCsvReproducesEveryFigure() throws IOException {
        assertFigures(read("wuqing-2023-ledger.csv"));
    }

    @Test
    void theWorkbookReproducesEveryFigure() throws IOException {
        assertFigures(read("wuqing-2023-ledger.xlsx"));
    }

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites() throws IOException {
        List<LedgerRow> generated =
                SampleLedger.generate().stream().map(LedgerRow::content).toList();
        assertEquals(
                generated,
                read("wuqing-2023-ledger.csv").stream().map(LedgerRow::content).toList());
        assertEquals(
                generated,
                read("wuqing-2023-ledger.xlsx").stream().map(LedgerRow::content).toList());
    }

    @Test
    void theNamedProjectsAreInTheirPoolsAndChains() throws IOException {
        List<LedgerRow> rows = read("wuqing-2023-ledger.csv");
        assertNamed(rows, "中国电信京津冀大数据基地二期", "BUILDING", "云数据应用", "KEY_CONSTRUCTION");
        assertNamed(rows, "铁路数字产业园", "PREPARING", "云数据应用", "KEY_CONSTRUCTION");
        assertNamed(rows, "酒仙网新零售总部", "PREPARING", "轻工", null);
        assertNamed(rows, "北交控二期", "BUILDING", "高端装备", null);
        assertNamed(rows, "杨村第四小学", "PREPARING", "公共服务", null);
        assertNamed(rows, "城区第五污水处理厂扩建", "PREPARING", "基础设施", "KEY_CONSTRUCTION");
        assertNamed(rows, "京津产业新城核心区科创CBD", "PLANNING", "云数据应用", "KEY_PLANNING");
        LedgerRow renovations = named(rows, "老旧小区改造（41个小区）");
        assertEquals(new BigDecimal("23000.00"), renovations.totalInvestment(), "2.3亿元");
        assertTrue(named(rows, "酒仙网新零售总部").fromBeijing(), "a Beijing project to land");
        assertEquals(
                9,
                rows.stream()
                        .filter(r -> r.name().contains("光伏") || r.name().contains("风电"))
                        .count(),
                "9 photovoltaic and wind projects");
        assertEquals(
                8,
                rows.stream().map(LedgerRow::industryChain).distinct().count(),
                "six chains, infrastructure and public services");
    }

    static void assertFigures(List<LedgerRow> rows) {
        assertEquals(432, rows.size(), "district key projects");
        assertEquals(346, count(rows, r -> UNDER_WAY.contains(r.pool())), "under way and new starts");
        assertEquals(wan("338.5"), annual(rows, r -> UNDER_WAY.contains(r.pool())), "their annual plan");
        assertEquals(86, count(rows, r -> PLANNING.contains(r.pool())), "planning projects");
        assertEquals(wan("117.3"), annual(rows, r -> PLANNING.contains(r.pool())), "their annual plan");
        assertEquals(78, count(rows, r -> r.cityCategory() != null), "city key projects");
        assertEquals(wan("2202.5"), total(rows, r -> r.cityCategory() != null), "their total");
        assertEquals(59, count(rows, category("KEY_CONSTRUCTION")));
        assertEquals(wan("1725.1"), total(rows, category("KEY_CONSTRUCTION")));
        assertEquals(wan("127.4"), annual(rows, category("KEY_CONSTRUCTION")));
        assertEquals(5, count(rows, category("KEY_RESERVE")));
        assertEquals(wan("251.2"), total(rows, category("KEY_RESERVE")));
        assertEquals(14, count(rows, category("KEY_PLANNING")));
        assertEquals(wan("226.2"), total(rows, category("KEY_PLANNING")));
        assertEquals(
                109,
                count(rows, r -> r.annualPlanInvestment().compareTo(new BigDecimal("10000")) > 0),
                "annual plan over 1亿元");
        assertEquals(
                15,
                count(rows, r -> r.keyConversion() && r.totalInvestment().compareTo(new BigDecimal("100000")) > 0),
                "key conversion projects over 10亿元");
        assertEquals(15, count(rows, LedgerRow::keyConversion), "no other key conversion project");
        assertTrue(
                rows.stream().allMatch(r -> r.totalInvestment().compareTo(new BigDecimal("500")) >= 0),
                "district projects from 500万元");
        assertTrue(
                rows.stream()
                        .filter(r -> r.cityCategory() != null)
                        .allMatch(r -> r.totalInvestment().compareTo(new BigDecimal("5000")) >= 0),
                "city projects from 5000万元");
        assertTrue(rows.stream().allMatch(r -> r.annualPlanInvestment().compareTo(r.totalInvestment()) <= 0));
        assertTrue(
                rows.stream()
                        .filter(r -> r.pool().equals("PREPARING"))
                        .allMatch(r -> r.plannedStart().getYear() == 2023),
                "new starts are planned for 2023");
        assertTrue(
                rows.stream().filter(r -> r.pool().equals("BUILDING")).allMatch(r -> r.actualStart() != null),
                "building projects have started");
    }

    /** 亿元 to 万元, exactly. */
    private static BigDecimal wan(String yi) {
        return new BigDecimal(yi).multiply(new BigDecimal("10000")).setScale(2);
    }

    private static Predicate<LedgerRow> category(String category) {
        return r -> category.equals(r.cityCategory());
    }

    private static long count(List<LedgerRow> rows, Predicate<LedgerRow> which) {
        return rows.stream().filter(which).count();
    }

    private static BigDecimal annual(List<LedgerRow> rows, Predicate<LedgerRow> which) {
        return rows.stream()
                .filter(which)
                .map(LedgerRow::annualPlanInvestment)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal total(List<LedgerRow> rows, Predicate<LedgerRow> which) {
        return rows.stream()
                .filter(which)
                .map(LedgerRow::totalInvestment)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static void assertNamed(List<LedgerRow> rows, String name, String pool, String chain, String category) {
        LedgerRow row = named(rows, name);
        assertEquals(pool, row.pool(), name);
        assertEquals(chain, row.industryChain(), name);
        assertEquals(category, row.cityCategory(), name);
    }

    private static LedgerRow named(List<LedgerRow> rows, String name) {
        return rows.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is missing"));
    }

    static List<LedgerRow> read(String file) throws IOException {
        try (InputStream in = SampleLedgerTest.class.getResourceAsStream("/sample/" + file)) {
            LedgerSheetReader.Result result = LedgerSheetReader.read(in.readAllBytes());
            assertTrue(result.ok(), file + ": " + result.errors());
            return result.rows();
        }
    }
}
