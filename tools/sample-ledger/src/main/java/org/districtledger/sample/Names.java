package org.districtledger.sample;

import java.util.Map;
import java.util.Random;

/** Plausible names for the projects the report does not name, their owners and their lead departments. */
final class Names {

    /** What a project of each chain builds; public works over {@link #LARGE} take their names from {@link #LARGE_WORKS}. */
    private static final Map<String, String[]> WORKS = Map.of(
            "生物医药", new String[] {"创新药产业化基地", "医疗器械研发生产项目", "生物制剂生产线", "中药现代化产业园", "体外诊断试剂生产基地"},
            "高端装备", new String[] {"智能装备制造基地", "工业机器人生产线", "精密数控机床项目", "智能仓储物流装备项目", "航空零部件加工基地"},
            "汽车及新能源汽车", new String[] {"新能源汽车零部件项目", "动力电池系统生产线", "汽车电子产业化项目", "氢燃料电池产业园", "整车物流中心"},
            "新材料", new String[] {"高性能复合材料项目", "新型建材生产基地", "电子化学品生产线", "先进高分子材料项目", "特种金属材料项目"},
            "轻工", new String[] {"食品加工产业园", "智能家居生产基地", "冷链物流中心", "包装印刷产业化项目", "日化用品生产线"},
            "现代服务业", new String[] {"商业综合体", "文旅消费街区", "汽车文化体验中心", "精品酒店项目", "会展中心"},
            "云数据应用", new String[] {"数据中心", "智能算力中心", "工业互联网平台项目", "数字经济产业园", "软件和信息服务基地"},
            "基础设施", new String[] {"道路提升改造工程", "供热管网改造工程", "雨污分流改造工程", "农村供水提质工程", "河道综合治理工程"},
            "公共服务", new String[] {"中学新建工程", "社区卫生服务中心", "养老服务中心", "文体活动中心", "幼儿园新建工程"});

    /** 万元: a school, a clinic or a village road costs less than this (3亿元). */
    private static final long LARGE = 30_000;

    private static final Map<String, String[]> LARGE_WORKS = Map.of(
            "基础设施", new String[] {"片区路网建设工程", "综合管廊工程", "水系连通及生态治理工程", "安置房建设工程", "热源厂及配套管网工程"},
            "公共服务", new String[] {"医疗康养综合体", "职业教育园区", "全民健身中心", "教育园区建设工程", "区域医疗中心"});

    private static final Map<String, String> DEPARTMENTS = Map.ofEntries(
            Map.entry("生物医药", "区科技局"),
            Map.entry("高端装备", "区工信局"),
            Map.entry("汽车及新能源汽车", "区工信局"),
            Map.entry("新材料", "区工信局"),
            Map.entry("轻工", "区商务局"),
            Map.entry("云数据应用", "区发改委"),
            Map.entry("现代服务业", "区商务局"),
            Map.entry("基础设施", "区住建委"),
            Map.entry("公共服务", "区教育局"));

    private static final String[] FIRMS = {
        "华盛", "京津", "恒远", "中科", "瑞达", "金桥", "博瑞", "宏泰", "天合", "鼎盛", "泰和", "信诚", "嘉禾", "润通", "永泰", "创新", "远航", "卓越",
        "联创", "汇通"
    };

    private final Random random;

    Names(Random random) {
        this.random = random;
    }

    String project(String town, String chain, long total) {
        String[] works = total > LARGE && LARGE_WORKS.containsKey(chain) ? LARGE_WORKS.get(chain) : WORKS.get(chain);
        String place = town.endsWith("镇") || town.endsWith("街道") ? town.replace("街道", "街") : town;
        return place + works[random.nextInt(works.length)] + (random.nextInt(4) == 0 ? "（二期）" : "");
    }

    String owner(String chain, String project, boolean publicWorks) {
        if (publicWorks) {
            return chain.equals("公共服务") ? department(chain, project) : "天津市武清区城市建设投资有限公司";
        }
        return "天津" + FIRMS[random.nextInt(FIRMS.length)] + FIRMS[random.nextInt(FIRMS.length)] + chainSuffix(chain)
                + "有限公司";
    }

    /** The lead department: its chain's, or for public services the bureau of what it builds (a clinic: health). */
    String department(String chain, String project) {
        if (chain.equals("公共服务")) {
            if (project.contains("医") || project.contains("卫生") || project.contains("康养")) {
                return "区卫生健康委";
            }
            if (project.contains("养老")) {
                return "区民政局";
            }
            if (project.contains("文体") || project.contains("健身")) {
                return "区文化和旅游局";
            }
        }
        return DEPARTMENTS.get(chain);
    }

    private static String chainSuffix(String chain) {
        return switch (chain) {
            case "生物医药" -> "生物科技";
            case "高端装备" -> "智能装备";
            case "汽车及新能源汽车" -> "汽车科技";
            case "新材料" -> "新材料科技";
            case "轻工" -> "实业";
            case "现代服务业" -> "商业管理";
            default -> "数字科技";
        };
    }
}
