package org.districtledger.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The projects the 2023 plan report names, in the pools and chains it puts them.
 *
 * @param total a total investment of its own (万元), or 0 to take one like the others
 * @param town where it is, or {@code null} for anywhere
 */
record Named(String name, String pool, String chain, String town, boolean fromBeijing, long total) {

    static Named of(String name, String pool, String chain, String town) {
        return new Named(name, pool, chain, town, false, 0);
    }

    static Named beijing(String name, String pool, String chain, String town) {
        return new Named(name, pool, chain, town, true, 0);
    }

    /** On the city ledger as key construction projects. */
    static final List<Named> KEY_CONSTRUCTION = List.of(
            of("中国电信京津冀大数据基地二期", "BUILDING", "云数据应用", "京津科技谷"),
            of("麦格纳汽车零部件扩能项目", "BUILDING", "汽车及新能源汽车", "武清经济技术开发区"),
            of("清数科技园", "BUILDING", "云数据应用", "京津科技谷"),
            of("区人民医院三期", "BUILDING", "公共服务", "杨村街道"),
            beijing("铁路数字产业园", "PREPARING", "云数据应用", "京滨工业园"),
            of("保时捷全球展示体验中心", "PREPARING", "汽车及新能源汽车", "京津科技谷"),
            of("城区第五污水处理厂扩建", "PREPARING", "基础设施", "黄庄街道"),
            of("大运河武清段旅游通航（木厂闸—蒙村）", "PREPARING", "基础设施", "河西务镇"));

    /** The other projects under way or to start in 2023. */
    static final List<Named> OTHER_UNDER_WAY;

    static {
        List<Named> list = new ArrayList<>(List.of(
                of("国创电力储能装备生产基地", "BUILDING", "高端装备", "武清经济技术开发区"),
                of("北油电控燃油喷射系统产业化项目", "BUILDING", "汽车及新能源汽车", "武清经济技术开发区"),
                beijing("北交控二期", "BUILDING", "高端装备", "京滨工业园"),
                beijing("中铁检验认证中心", "BUILDING", "高端装备", "京津科技谷"),
                of("V1汽车世界百度未来科技馆", "BUILDING", "汽车及新能源汽车", "京津科技谷"),
                of("乐目奥赛射击馆", "BUILDING", "公共服务", "下朱庄街道"),
                of("澳康达名车广场", "BUILDING", "汽车及新能源汽车", "京津科技谷"),
                beijing("酒仙网新零售总部", "PREPARING", "轻工", "京津电子商务产业园"),
                of("佛罗伦萨小镇六期", "PREPARING", "轻工", "下朱庄街道"),
                of("杨村第四小学", "PREPARING", "公共服务", "杨村街道"),
                of("紫泉郡小学", "BUILDING", "公共服务", "下朱庄街道"),
                of("翡翠半岛中学", "BUILDING", "公共服务", "东蒲洼街道"),
                of("下朱庄街龙湾城第二小学", "PREPARING", "公共服务", "下朱庄街道"),
                of("雍顺道（京津公路—广贤路）", "PREPARING", "基础设施", "杨村街道"),
                of("北斗道（翠通路—福源道）", "PREPARING", "基础设施", "下朱庄街道"),
                of("泉州路北延工程", "PREPARING", "基础设施", "东蒲洼街道"),
                of("广贤路东延工程", "PREPARING", "基础设施", "黄庄街道"),
                new Named("老旧小区改造（41个小区）", "BUILDING", "基础设施", "杨村街道", false, 23_000),
                of("大黄堡湿地核心区芦苇湿地修复", "PREPARING", "基础设施", "大黄堡镇"),
                of("大运河武清段旅游通航（南蔡村—筐儿港）", "PREPARING", "基础设施", "南蔡村镇")));
        String[][] energy = {
            {"大良镇100MW农光互补光伏发电项目", "大良镇"}, {"上马台镇50MW风电项目", "上马台镇"},
            {"大碱厂镇60MW渔光互补光伏发电项目", "大碱厂镇"}, {"陈咀镇分散式风电项目", "陈咀镇"},
            {"豆张庄镇40MW农光互补光伏发电项目", "豆张庄镇"}, {"曹子里镇风电项目", "曹子里镇"},
            {"石各庄镇30MW分布式光伏发电项目", "石各庄镇"}, {"武清开发区屋顶分布式光伏项目", "武清经济技术开发区"},
            {"白古屯镇农光互补光伏发电项目", "白古屯镇"}
        };
        for (int i = 0; i < energy.length; i++) {
            list.add(of(energy[i][0], i % 3 == 0 ? "BUILDING" : "PREPARING", "基础设施", energy[i][1]));
        }
        OTHER_UNDER_WAY = List.copyOf(list);
    }

    /** On the city ledger as key planning projects. */
    static final List<Named> KEY_PLANNING = List.of(of("京津产业新城核心区科创CBD", "PLANNING", "云数据应用", "京津科技谷"));
}
