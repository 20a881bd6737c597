package org.districtledger.sample;

import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The 2023 ledger of Wuqing District as the plan report states it: 432 district projects, 78 of them on the
 * city ledger, with every figure of the report reproduced exactly (see {@code shared/DOMAIN.md}), the named
 * projects in their pools and chains, and the rest plausible. Deterministic: the same seed writes the same
 * ledger.
 */
public final class SampleLedger {

    public static final long SEED = 20230101L;
    public static final int YEAR = 2023;

    static final String[] CHAINS = {"生物医药", "高端装备", "汽车及新能源汽车", "新材料", "轻工", "云数据应用", "现代服务业", "基础设施", "公共服务"};
    static final String[] TOWNS = {
        "杨村街道",
        "下朱庄街道",
        "东蒲洼街道",
        "黄庄街道",
        "徐官屯街道",
        "运河西街道",
        "大良镇",
        "崔黄口镇",
        "大王古庄镇",
        "河西务镇",
        "汊沽港镇",
        "王庆坨镇",
        "梅厂镇",
        "大碱厂镇",
        "陈咀镇",
        "豆张庄镇",
        "曹子里镇",
        "上马台镇",
        "大黄堡镇",
        "石各庄镇",
        "泗村店镇",
        "白古屯镇",
        "东马圈镇",
        "南蔡村镇",
        "高村镇",
        "河北屯镇",
        "京津科技谷",
        "武清经济技术开发区",
        "京滨工业园",
        "京津电子商务产业园",
        "天津自贸试验区武清片区"
    };

    /** One group of the ledger whose figures the report fixes. */
    private record Group(
            String category,
            int building,
            int preparing,
            int reserve,
            int planning,
            long annualSum,
            int big,
            long smallSum,
            long totalSum,
            int keyConversions) {
        int size() {
            return building + preparing + reserve + planning;
        }
    }

    // 59 key construction: 1725.1亿 total, 127.4亿 annual; the other 287 building and preparing: 338.5亿 − 127.4亿
    private static final Group KEY_CONSTRUCTION =
            new Group("KEY_CONSTRUCTION", 40, 19, 0, 0, 1_274_000, 35, 144_000, 17_251_000, 0);
    private static final Group OTHER_UNDER_WAY = new Group(null, 156, 131, 0, 0, 2_111_000, 40, 864_500, -1, 0);
    // 5 key reserve (251.2亿 total), 14 key planning (226.2亿); the other 67: together 117.3亿 annual. The 15 key
    // conversion projects (over 10亿 each) are not among the 109 with an annual plan over 1亿: 124 projects, each with
    // its own leader and task force (一个项目、一名领导、一个专班)
    private static final Group KEY_RESERVE = new Group("KEY_RESERVE", 0, 0, 5, 0, 40_000, 0, 40_000, 2_512_000, 5);
    private static final Group KEY_PLANNING = new Group("KEY_PLANNING", 0, 0, 0, 14, 160_000, 2, 72_000, 2_262_000, 10);
    private static final Group OTHER_PLANNING = new Group(null, 0, 0, 35, 32, 973_000, 32, 125_000, -1, 0);

    private final Random random = new Random(SEED);
    private final Names names = new Names(random);
    private int serial;
    private final Set<String> usedNames = new HashSet<>();

    public static List<LedgerRow> generate() {
        return new SampleLedger().rows();
    }

    /** Writes {@code wuqing-2023-ledger.xlsx} and {@code .csv} into the folder given (default: this module's resources). */
    public static void main(String[] args) throws IOException {
        Path folder = Paths.get(args.length > 0 ? args[0] : "tools/sample-ledger/src/main/resources/sample");
        Files.createDirectories(folder);
        List<LedgerRow> rows = generate();
        try (OutputStream out = Files.newOutputStream(folder.resolve("wuqing-2023-ledger.xlsx"))) {
            LedgerSheetWriter.writeXlsx(rows, out);
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("wuqing-2023-ledger.csv"))) {
            LedgerSheetWriter.writeCsv(rows, out);
        }
        System.out.printf("Wrote %d projects to %s%n", rows.size(), folder.toAbsolutePath());
    }

    private List<LedgerRow> rows() {
        List<LedgerRow> rows = new ArrayList<>();
        rows.addAll(group(KEY_CONSTRUCTION, Named.KEY_CONSTRUCTION));
        rows.addAll(group(OTHER_UNDER_WAY, Named.OTHER_UNDER_WAY));
        rows.addAll(group(KEY_RESERVE, Named.KEY_RESERVE));
        rows.addAll(group(KEY_PLANNING, Named.KEY_PLANNING));
        rows.addAll(group(OTHER_PLANNING, Named.OTHER_PLANNING));
        return rows;
    }

    private List<LedgerRow> group(Group group, List<Named> named) {
        int n = group.size();
        List<String> pools = new ArrayList<>();
        addTimes(pools, "BUILDING", group.building);
        addTimes(pools, "PREPARING", group.preparing);
        addTimes(pools, "RESERVE", group.reserve);
        addTimes(pools, "PLANNING", group.planning);

        // annual plans: the big ones (over 1亿) and the rest, each part summing exactly
        int small = n - group.big;
        long[] smallAnnual = small == 0
                ? new long[0]
                : Amounts.spread(
                        random, Amounts.filled(small, group.category == null ? 150 : 2000), 10_000, group.smallSum);
        long[] bigAnnual =
                Amounts.spread(random, Amounts.filled(group.big, 10_001), 150_000, group.annualSum - group.smallSum);
        long[] annual = new long[n];
        boolean[] isBig = interleave(n, group.big);
        for (int i = 0, b = 0, s = 0; i < n; i++) {
            annual[i] = isBig[i] ? bigAnnual[b++] : smallAnnual[s++];
        }

        // totals: exact sums where the report gives them; key conversion projects over 10亿, not among the big ones
        boolean[] keyConversion = new boolean[n];
        for (int i = 0, k = 0; i < n && k < group.keyConversions; i++) {
            if (!isBig[i]) {
                keyConversion[i] = true;
                k++;
            }
        }
        long[] total = new long[n];
        if (group.totalSum > 0) {
            long[] minimums = new long[n];
            for (int i = 0; i < n; i++) {
                minimums[i] = Math.max(Math.max(annual[i] * 3 / 2, 5_000), keyConversion[i] ? 100_001 : 0);
            }
            total = Amounts.spread(random, minimums, 3_000_000, group.totalSum);
        } else {
            for (int i = 0; i < n; i++) {
                double factor = pools.get(i).equals("PLANNING") || pools.get(i).equals("RESERVE")
                        ? 3 + random.nextDouble() * 7
                        : 1.3 + random.nextDouble() * 3;
                total[i] = Math.max(500, Math.round(annual[i] * factor));
                if (group.category == null && total[i] > 99_000) {
                    // big ones outside the city ledger stay under 10亿 where their annual plan allows, spread below it
                    long floor = Math.max(annual[i] + annual[i] / 5, 50_000);
                    total[i] = floor >= 99_000
                            ? annual[i] + annual[i] / 4 + random.nextInt(20_000)
                            : floor + random.nextInt((int) (99_000 - floor));
                }
            }
        }

        // the named projects take the first places; one with a total of its own, a place with a small annual plan
        Named[] slot = new Named[n];
        int next = 0;
        for (Named name : named) {
            int at = next;
            while (slot[at] != null || (name.total() > 0 && (isBig[at] || annual[at] > name.total()))) {
                at++;
            }
            slot[at] = name;
            while (next < n && slot[next] != null) {
                next++;
            }
        }
        List<LedgerRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Named name = slot[i];
            String pool = name != null ? name.pool() : pools.get(i);
            rows.add(row(
                    pool,
                    group.category,
                    name,
                    annual[i],
                    name != null && name.total() > 0 ? name.total() : total[i],
                    keyConversion[i]));
        }
        return rows;
    }

    private LedgerRow row(String pool, String category, Named named, long annual, long total, boolean keyConversion) {
        serial++;
        String chain = named != null ? named.chain() : CHAINS[random.nextInt(CHAINS.length)];
        String town = named != null && named.town() != null ? named.town() : TOWNS[random.nextInt(TOWNS.length)];
        String name = named != null ? named.name() : names.project(town, chain, total);
        // a ledger names each project once (its task force is named after it)
        for (int attempt = 0; named == null && usedNames.contains(name) && attempt < 10; attempt++) {
            name = names.project(town, chain, total);
        }
        for (int section = 2; usedNames.contains(name); section++) {
            name = name.replaceAll("（第\\d+标段）$", "") + "（第" + section + "标段）";
        }
        usedNames.add(name);
        LocalDate namedCompletion = named != null ? named.plannedCompletion() : null;
        LocalDate poolSince;
        LocalDate plannedStart = null;
        LocalDate plannedCompletion = null;
        LocalDate actualStart = null;
        switch (pool) {
            case "BUILDING" -> {
                actualStart = day(2020, 6, 2022, 12); // the ledger as it stood on 1 January 2023
                plannedStart = actualStart.minusDays(random.nextInt(40));
                plannedCompletion = actualStart.plusMonths(18 + random.nextInt(36));
                if (plannedCompletion.isBefore(LocalDate.of(2023, 4, 1)) && random.nextInt(30) != 0) {
                    // under construction in 2023 means finishing from the spring on; one in thirty is already late
                    plannedCompletion = day(2023, 4, 2025, 12);
                }
                if (namedCompletion != null) {
                    plannedCompletion = namedCompletion;
                    if (!actualStart.isBefore(namedCompletion.minusMonths(9))) {
                        actualStart = namedCompletion.minusMonths(12 + random.nextInt(12));
                        plannedStart = actualStart.minusDays(random.nextInt(40));
                    }
                }
                poolSince = actualStart;
            }
            case "PREPARING" -> {
                // 计划新开工: most planned for the spring (一季度、二季度集中开工), fewer for the autumn
                int season = random.nextInt(100);
                plannedStart = namedCompletion != null || season < 60
                        ? day(2023, 2, 2023, 4)
                        : season < 90 ? day(2023, 5, 2023, 7) : day(2023, 8, 2023, 10);
                plannedCompletion =
                        namedCompletion != null ? namedCompletion : plannedStart.plusMonths(10 + random.nextInt(30));
                poolSince = day(2022, 9, 2022, 12);
            }
            case "RESERVE" -> {
                plannedStart = random.nextBoolean() ? day(2024, 1, 2024, 12) : null;
                poolSince = day(2022, 9, 2022, 12);
            }
            default -> poolSince = day(2022, 6, 2022, 12);
        }
        if (plannedStart != null && plannedCompletion == null && random.nextBoolean()) {
            plannedCompletion = plannedStart.plusMonths(18 + random.nextInt(24));
        }
        // 重点转化项目: by when each is to move on (储备→预备, 谋划→储备), spread over the year
        String targetPool = null;
        LocalDate targetDate = null;
        if (keyConversion) {
            targetPool = pool.equals("PLANNING") ? "RESERVE" : "PREPARING";
            targetDate = day(2023, 5, 2023, 12);
        }
        boolean publicWorks = chain.equals("基础设施") || chain.equals("公共服务");
        Set<String> funding = new LinkedHashSet<>();
        if (publicWorks) {
            funding.add(random.nextInt(3) == 0 ? "CENTRAL_BUDGET" : "SPECIAL_BONDS");
            if (random.nextInt(4) == 0) {
                funding.add("POLICY_FINANCE");
            }
        } else {
            funding.add("CORPORATE");
            if (random.nextInt(6) == 0) {
                funding.add("POLICY_FINANCE");
            }
        }
        String nationalCode = random.nextInt(10) < 9 || category != null
                ? String.format(
                        "%d-120114-%02d-%02d-%06d",
                        2019 + random.nextInt(5), 10 + random.nextInt(80), 1 + random.nextInt(3), 100_000 + serial)
                : null;
        return new LedgerRow(
                0,
                null,
                name,
                nationalCode,
                named != null && named.owner() != null ? named.owner() : names.owner(chain, name, publicWorks),
                town,
                chain,
                pool,
                category,
                BigDecimal.valueOf(total).setScale(2),
                BigDecimal.valueOf(annual).setScale(2),
                plannedStart,
                plannedCompletion,
                actualStart,
                named != null && named.department() != null ? named.department() : names.department(chain, name),
                funding,
                named != null && named.fromBeijing(),
                keyConversion,
                targetPool,
                targetDate,
                poolSince,
                YEAR);
    }

    private LocalDate day(int fromYear, int fromMonth, int toYear, int toMonth) {
        LocalDate from = LocalDate.of(fromYear, fromMonth, 1);
        LocalDate to = LocalDate.of(toYear, toMonth, 1).plusMonths(1).minusDays(1);
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    /** Which of {@code n} places hold the big ones: spread through the group, the first ones included. */
    private static boolean[] interleave(int n, int big) {
        boolean[] isBig = new boolean[n];
        for (int k = 0; k < big; k++) {
            isBig[(int) ((long) k * n / big)] = true;
        }
        return isBig;
    }

    private static void addTimes(List<String> list, String value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }
}
