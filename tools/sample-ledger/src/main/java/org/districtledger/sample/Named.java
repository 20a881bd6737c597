package org.districtledger.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The projects the 2023 plan report names, in the pools and chains it puts them and with what it says of them.
 *
 * @param total a total investment of its own (万元), or 0 to take one like the others
 * @param town where it is, or {@code null} for anywhere
 * @param plannedCompletion the completion the report plans (for those it says complete in 2023), or {@code null}
 * @param owner the owner, or {@code null} to take one like the others of its chain
 * @param department the lead department, or {@code null} for its chain's
 */
record Named(
        String name,
        String pool,
        String chain,
        String town,
        boolean fromBeijing,
        long total,
        LocalDate plannedCompletion,
        String owner,
        String department) {

    static Named of(String name, String pool, String chain, String town) {
        return new Named(name, pool, chain, town, false, 0, null, null, null);
    }

    static Named beijing(String name, String pool, String chain, String town) {
        return new Named(name, pool, chain, town, true, 0, null, null, null);
    }

    /** The same project, planned to complete on this day. */
    Named completing(String day) {
        return new Named(name, pool, chain, town, fromBeijing, total, LocalDate.parse(day), owner, department);
    }

    /** The same project with a total investment of its own (万元). */
    Named costing(long total) {
        return new Named(name, pool, chain, town, fromBeijing, total, plannedCompletion, owner, department);
    }

    /** The same project with its own owner and lead department. */
    Named ownedBy(String owner, String department) {
        return new Named(name, pool, chain, town, fromBeijing, total, plannedCompletion, owner, department);
    }

    /** On the city ledger as key construction projects. */
    static final List<Named> KEY_CONSTRUCTION = List.of(
            of("中国电信京津冀大数据基地二期", "BUILDING", "云数据应用", "京津科技谷").completing("2023-09-30"),
            of("麦格纳汽车零部件扩能项目", "BUILDING", "汽车及新能源汽车", "武清经济技术开发区").completing("2023-06-20"),
            of("清数科技园", "BUILDING", "云数据应用", "京津科技谷").completing("2023-10-31"),
            of("区人民医院三期", "BUILDING", "公共服务", "杨村街道").completing("2024-12-31").ownedBy("天津市武清区人民医院", "区卫生健康委"),
            of("城区第五污水处理厂扩建", "PREPARING", "基础设施", "黄庄街道").ownedBy("天津市武清区水务投资有限公司", "区水务局"),
            of("大运河武清段旅游通航（木厂闸—蒙村）", "PREPARING", "基础设施", "河西务镇").ownedBy("天津市武清区文化旅游投资有限公司", "区文化和旅游局"));

    /** The other projects under way or to start in 2023. */
    static final List<Named> OTHER_UNDER_WAY;

    static {
        List<Named> list = new ArrayList<>(List.of(
                of("国创电力储能装备生产基地", "BUILDING", "高端装备", "武清经济技术开发区").completing("2023-08-31"),
                of("北油电控燃油喷射系统产业化项目", "BUILDING", "汽车及新能源汽车", "武清经济技术开发区").completing("2023-11-30"),
                beijing("北交控二期", "BUILDING", "高端装备", "京滨工业园").completing("2023-09-30"),
                beijing("中铁检验认证中心", "BUILDING", "高端装备", "京津科技谷").completing("2023-12-15"),
                of("V1汽车世界百度未来科技馆", "BUILDING", "现代服务业", "京津科技谷").completing("2024-06-30"),
                of("乐目奥赛射击馆", "BUILDING", "现代服务业", "下朱庄街道").completing("2024-04-30"),
                of("澳康达名车广场", "BUILDING", "现代服务业", "京津科技谷").completing("2023-05-31"),
                of("杨村第四小学", "BUILDING", "公共服务", "杨村街道").costing(18_600).completing("2024-08-15"),
                of("紫泉郡小学", "BUILDING", "公共服务", "下朱庄街道").costing(16_500).completing("2024-07-31"),
                of("翡翠半岛中学", "BUILDING", "公共服务", "东蒲洼街道").costing(24_000).completing("2024-07-31"),
                of("下朱庄街龙湾城第二小学", "PREPARING", "公共服务", "下朱庄街道").costing(15_200),
                of("雍顺道（京津公路—广贤路）", "PREPARING", "基础设施", "杨村街道"),
                of("北斗道（翠通路—福源道）", "PREPARING", "基础设施", "下朱庄街道"),
                of("泉州路北延工程", "PREPARING", "基础设施", "东蒲洼街道"),
                of("广贤路东延工程", "PREPARING", "基础设施", "黄庄街道"),
                of("老旧小区改造（41个小区）", "BUILDING", "基础设施", "杨村街道").costing(23_000).completing("2023-11-30"),
                of("大黄堡湿地核心区芦苇湿地修复", "PREPARING", "基础设施", "大黄堡镇"),
                of("大运河武清段旅游通航（南蔡村—筐儿港）", "PREPARING", "基础设施", "南蔡村镇"),
                of("泗村店镇还迁安置工程", "PREPARING", "基础设施", "泗村店镇"),
                of("河东片区棚户区改造", "PREPARING", "基础设施", "杨村街道")));
        // 建成9个光伏、风力发电项目: all built in 2023, each costing what its capacity does (光伏约0.4万元/千瓦, 风电约0.6万元/千瓦)
        Object[][] energy = {
            {"大良镇100MW农光互补光伏发电项目", "大良镇", 40_000L, "BUILDING"},
            {"上马台镇50MW风电项目", "上马台镇", 30_000L, "PREPARING"},
            {"大碱厂镇60MW渔光互补光伏发电项目", "大碱厂镇", 24_500L, "PREPARING"},
            {"陈咀镇20MW分散式风电项目", "陈咀镇", 12_500L, "BUILDING"},
            {"豆张庄镇40MW农光互补光伏发电项目", "豆张庄镇", 16_000L, "PREPARING"},
            {"曹子里镇48MW风电项目", "曹子里镇", 29_000L, "PREPARING"},
            {"石各庄镇30MW分布式光伏发电项目", "石各庄镇", 11_500L, "BUILDING"},
            {"武清开发区20MW屋顶分布式光伏项目", "武清经济技术开发区", 8_200L, "PREPARING"},
            {"白古屯镇50MW农光互补光伏发电项目", "白古屯镇", 20_500L, "PREPARING"}
        };
        for (Object[] plant : energy) {
            list.add(of((String) plant[0], (String) plant[3], "基础设施", (String) plant[1])
                    .costing((Long) plant[2])
                    .completing("2023-12-20")
                    .ownedBy(null, "区发改委"));
        }
        OTHER_UNDER_WAY = List.copyOf(list);
    }

    /** On the city ledger as key reserve projects: to land (落地) in 2023, key conversion projects. */
    static final List<Named> KEY_RESERVE =
            List.of(beijing("铁路数字产业园", "RESERVE", "云数据应用", "京滨工业园"), of("保时捷全球展示体验中心", "RESERVE", "现代服务业", "京津科技谷"));

    /** On the city ledger as key planning projects. */
    static final List<Named> KEY_PLANNING = List.of(of("京津产业新城核心区科创CBD", "PLANNING", "云数据应用", "京津科技谷"));

    /** The other projects of the planning pools: Beijing and商圈 projects the district works to land. */
    static final List<Named> OTHER_PLANNING =
            List.of(beijing("酒仙网新零售总部", "RESERVE", "现代服务业", "京津电子商务产业园"), of("佛罗伦萨小镇六期", "RESERVE", "现代服务业", "下朱庄街道"));

    /** The names of the projects the report says complete (竣工、投产、投入使用) in 2023. */
    static final Set<String> COMPLETING_2023 = Stream.of(KEY_CONSTRUCTION, OTHER_UNDER_WAY)
            .flatMap(List::stream)
            .filter(n -> n.plannedCompletion() != null && n.plannedCompletion().getYear() == 2023)
            .map(Named::name)
            .collect(Collectors.toUnmodifiableSet());
}
