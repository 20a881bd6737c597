package org.districtledger.sample;

import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** The report's named projects (专题六 and the chapters on industry, services and people's livelihoods), as it tells them. */
    @Test
    void theReportsNamedProjectsAreAsTheReportTellsThem() throws IOException {
        List<LedgerRow> rows = read("wuqing-2023-ledger.csv");
        // 推动麦格纳、清数科技园、国创电力、北油电控等一批大项目竣工投产; 推动北交控二期、中铁检验认证中心等项目建成投产;
        // 中国电信京津冀大数据基地二期投入使用; 澳康达名车广场投入运营
        for (String name : List.of(
                "麦格纳汽车零部件扩能项目",
                "清数科技园",
                "国创电力储能装备生产基地",
                "北油电控燃油喷射系统产业化项目",
                "北交控二期",
                "中铁检验认证中心",
                "中国电信京津冀大数据基地二期",
                "澳康达名车广场")) {
            LedgerRow row = named(rows, name);
            assertEquals("BUILDING", row.pool(), name + " is under construction");
            assertEquals(2023, row.plannedCompletion().getYear(), name + " completes in 2023");
            assertTrue(row.actualStart().isBefore(row.plannedCompletion()), name);
        }
        assertNamed(rows, "中国电信京津冀大数据基地二期", "BUILDING", "云数据应用", "KEY_CONSTRUCTION");
        assertNamed(rows, "北交控二期", "BUILDING", "高端装备", null);
        assertTrue(named(rows, "北交控二期").fromBeijing(), "a Beijing project");
        // 力促铁路数字产业园、酒仙网新零售总部等重点项目落地; 尽力促成佛罗伦萨小镇六期、保时捷全球展示中心项目落地:
        // to land, not yet started, key conversion projects where they are on the city ledger
        assertNamed(rows, "铁路数字产业园", "RESERVE", "云数据应用", "KEY_RESERVE");
        assertNamed(rows, "保时捷全球展示体验中心", "RESERVE", "现代服务业", "KEY_RESERVE");
        assertNamed(rows, "酒仙网新零售总部", "RESERVE", "现代服务业", null);
        assertNamed(rows, "佛罗伦萨小镇六期", "RESERVE", "现代服务业", null);
        assertTrue(
                named(rows, "铁路数字产业园").fromBeijing() && named(rows, "酒仙网新零售总部").fromBeijing());
        for (String name : List.of("铁路数字产业园", "保时捷全球展示体验中心")) {
            LedgerRow row = named(rows, name);
            assertTrue(row.keyConversion(), name + " is a key conversion project");
            assertEquals("PREPARING", row.conversionTargetPool(), name + " is to be scheduled to start");
            assertEquals(2023, row.conversionTargetDate().getYear(), name + " this year");
        }
        // 加速推进V1汽车世界百度未来科技馆、乐目奥赛射击馆等项目建设 (现代服务业)
        assertNamed(rows, "V1汽车世界百度未来科技馆", "BUILDING", "现代服务业", null);
        assertNamed(rows, "乐目奥赛射击馆", "BUILDING", "现代服务业", null);
        // 重点加快建设杨村第四小学、紫泉郡小学、翡翠半岛中学, 启动下朱庄街龙湾城第二小学新建工程
        for (String school : List.of("杨村第四小学", "紫泉郡小学", "翡翠半岛中学")) {
            assertNamed(rows, school, "BUILDING", "公共服务", null);
            assertEquals("区教育局", named(rows, school).leadDepartment(), school);
        }
        assertNamed(rows, "下朱庄街龙湾城第二小学", "PREPARING", "公共服务", null);
        // 加快区人民医院三期建设: a hospital, the health commission's
        assertNamed(rows, "区人民医院三期", "BUILDING", "公共服务", "KEY_CONSTRUCTION");
        assertEquals("区卫生健康委", named(rows, "区人民医院三期").leadDepartment());
        assertEquals("天津市武清区人民医院", named(rows, "区人民医院三期").ownerUnit());
        // 扩建城区第五污水处理厂; 新建雍顺道等4条城区道路; 大运河两段通航; 大黄堡湿地修复; 泗村店镇还迁安置, 河东片区棚户区改造
        assertNamed(rows, "城区第五污水处理厂扩建", "PREPARING", "基础设施", "KEY_CONSTRUCTION");
        for (String name : List.of(
                "雍顺道（京津公路—广贤路）",
                "北斗道（翠通路—福源道）",
                "泉州路北延工程",
                "广贤路东延工程",
                "大运河武清段旅游通航（木厂闸—蒙村）",
                "大运河武清段旅游通航（南蔡村—筐儿港）",
                "大黄堡湿地核心区芦苇湿地修复",
                "河东片区棚户区改造")) {
            assertEquals("PREPARING", named(rows, name).pool(), name + " is to start in 2023");
        }
        assertEquals("泗村店镇", named(rows, "泗村店镇还迁安置工程").town(), "泗村店镇 is one of the towns");
        // 实施41个老旧小区改造 (2.3亿元)
        LedgerRow renovations = named(rows, "老旧小区改造（41个小区）");
        assertEquals(new BigDecimal("23000.00"), renovations.totalInvestment(), "2.3亿元");
        // 建成9个光伏、风力发电项目: built in 2023, each costing what its capacity does
        List<LedgerRow> energy = rows.stream()
                .filter(r -> r.name().contains("光伏") || r.name().contains("风电"))
                .toList();
        assertEquals(9, energy.size(), "9 photovoltaic and wind projects");
        Pattern capacity = Pattern.compile("(\\d+)MW");
        for (LedgerRow plant : energy) {
            assertEquals(2023, plant.plannedCompletion().getYear(), plant.name() + " is built in 2023");
            Matcher mw = capacity.matcher(plant.name());
            assertTrue(mw.find(), plant.name() + " says its capacity");
            BigDecimal perMw = plant.totalInvestment().divide(new BigDecimal(mw.group(1)), 0, RoundingMode.HALF_UP);
            // 光伏 about 4元/W (400万元 a MW), 风电 about 6元/W
            BigDecimal low = new BigDecimal(plant.name().contains("风电") ? "500" : "350");
            BigDecimal high = new BigDecimal(plant.name().contains("风电") ? "700" : "450");
            assertTrue(
                    perMw.compareTo(low) >= 0 && perMw.compareTo(high) <= 0,
                    plant.name() + ": " + perMw + "万元 a MW, between " + low + " and " + high);
        }
        // 京津产业新城核心区科创CBD, a key planning project
        assertNamed(rows, "京津产业新城核心区科创CBD", "PLANNING", "云数据应用", "KEY_PLANNING");
        assertEquals(
                9,
                rows.stream().map(LedgerRow::industryChain).distinct().count(),
                "six chains, modern services, infrastructure and public services");
    }

    /** What a district would recognise: no totals piled on one figure, schools at school prices, few late completions. */
    @Test
    void theRestIsBelievable() throws IOException {
        List<LedgerRow> rows = read("wuqing-2023-ledger.csv");
        assertEquals(
                rows.size(),
                rows.stream().map(LedgerRow::name).distinct().count(),
                "every project has a name of its own (its task force is named after it)");
        Map<BigDecimal, Long> byTotal =
                rows.stream().collect(Collectors.groupingBy(LedgerRow::totalInvestment, Collectors.counting()));
        assertTrue(
                byTotal.values().stream().allMatch(n -> n <= 3),
                "no total investment is shared by more than three projects: "
                        + byTotal.entrySet().stream()
                                .filter(e -> e.getValue() > 3)
                                .toList());
        for (LedgerRow row : rows) {
            boolean school = row.name().endsWith("学")
                    || row.name().contains("中学")
                    || row.name().contains("小学")
                    || row.name().contains("幼儿园");
            if (school) {
                assertTrue(
                        row.totalInvestment().compareTo(new BigDecimal("30000")) <= 0,
                        row.name() + " costs " + row.totalInvestment() + "万元: a school costs at most 3亿元");
            }
        }
        List<LedgerRow> building =
                rows.stream().filter(r -> r.pool().equals("BUILDING")).toList();
        long late = building.stream()
                .filter(r ->
                        r.plannedCompletion() != null && r.plannedCompletion().getYear() < 2023)
                .count();
        assertTrue(late <= building.size() / 20, late + " of " + building.size() + " already late on 1 January");
        assertTrue(
                rows.stream()
                        .filter(LedgerRow::keyConversion)
                        .allMatch(r -> r.conversionTargetPool() != null && r.conversionTargetDate() != null),
                "every key conversion project has its conversion target");
        assertTrue(
                rows.stream().filter(r -> !r.keyConversion()).allMatch(r -> r.conversionTargetPool() == null),
                "and no other project has one");
        assertTrue(
                rows.stream()
                        .filter(r -> r.poolSince() != null)
                        .allMatch(r -> !r.poolSince().isAfter(LocalDate.of(2023, 1, 1))),
                "the ledger as it stood at the start of 2023");
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
        assertEquals(
                124,
                count(
                        rows,
                        r -> r.annualPlanInvestment().compareTo(new BigDecimal("10000")) > 0
                                || (r.keyConversion() && r.totalInvestment().compareTo(new BigDecimal("100000")) > 0)),
                "109 + 15 accountability projects (包联), each with its own leader and task force");
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
