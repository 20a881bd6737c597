package org.districtledger.sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns of the ledger sheet as a district project office keeps it, and the Chinese names of its values. */
public final class LedgerColumns {

    public static final String SERIAL = "序号";
    public static final String CODE = "台账编号";
    public static final String NAME = "项目名称";
    public static final String NATIONAL_CODE = "项目代码";
    public static final String OWNER_UNIT = "建设单位";
    public static final String TOWN = "所在镇街/园区";
    public static final String CHAIN = "产业链";
    public static final String POOL = "所属库";
    public static final String CITY_CATEGORY = "市级重点类别";
    public static final String TOTAL = "总投资(万元)";
    public static final String ANNUAL = "年度计划投资(万元)";
    public static final String PLANNED_START = "计划开工时间";
    public static final String PLANNED_COMPLETION = "计划竣工时间";
    public static final String ACTUAL_START = "实际开工时间";
    public static final String LEAD_DEPARTMENT = "牵头部门";
    public static final String FUNDING = "资金来源";
    public static final String FROM_BEIJING = "承接非首都功能";
    public static final String KEY_CONVERSION = "重点转化项目";
    public static final String POOL_SINCE = "入库时间";
    public static final String PLAN_YEAR = "计划年度";

    /** Every column, in the order the sheet has them. */
    public static final List<String> ALL = List.of(SERIAL, CODE, NAME, NATIONAL_CODE, OWNER_UNIT, TOWN, CHAIN, POOL,
            CITY_CATEGORY, TOTAL, ANNUAL, PLANNED_START, PLANNED_COMPLETION, ACTUAL_START, LEAD_DEPARTMENT, FUNDING,
            FROM_BEIJING, KEY_CONVERSION, POOL_SINCE, PLAN_YEAR);

    public static final Map<String, String> POOLS = bidi("PLANNING", "谋划库", "RESERVE", "储备库", "PREPARING", "预备库",
            "BUILDING", "建设库", "COMPLETED", "已竣工", "IN_PRODUCTION", "已投产", "SUSPENDED", "暂停", "CANCELLED", "取消");

    public static final Map<String, String> CITY_CATEGORIES = bidi("KEY_CONSTRUCTION", "重点建设", "KEY_RESERVE", "重点储备",
            "KEY_PLANNING", "重点谋划");

    public static final Map<String, String> FUNDING_SOURCES = bidi("SPECIAL_BONDS", "专项债", "POLICY_FINANCE", "政策性金融",
            "CENTRAL_BUDGET", "中央预算内", "CORPORATE", "企业自筹", "OTHER", "其他");

    private LedgerColumns() {
    }

    /** Name to Chinese label; {@link #nameOf} goes back. */
    private static Map<String, String> bidi(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The registry's name for a Chinese label, or {@code null}. */
    public static String nameOf(Map<String, String> labels, String label) {
        return labels.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
