package org.districtledger.sheet;

import org.districtledger.contract.CityCategory;
import org.districtledger.contract.FundingSource;
import org.districtledger.contract.Labelled;
import org.districtledger.contract.Pool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public static final String CONVERSION_TARGET_POOL = "转化目标库";
    public static final String CONVERSION_TARGET_DATE = "转化目标日期";
    public static final String POOL_SINCE = "入库时间";
    public static final String PLAN_YEAR = "计划年度";

    /** Every column, in the order the sheet has them. */
    public static final List<String> ALL = List.of(
            SERIAL,
            CODE,
            NAME,
            NATIONAL_CODE,
            OWNER_UNIT,
            TOWN,
            CHAIN,
            POOL,
            CITY_CATEGORY,
            TOTAL,
            ANNUAL,
            PLANNED_START,
            PLANNED_COMPLETION,
            ACTUAL_START,
            LEAD_DEPARTMENT,
            FUNDING,
            FROM_BEIJING,
            KEY_CONVERSION,
            CONVERSION_TARGET_POOL,
            CONVERSION_TARGET_DATE,
            POOL_SINCE,
            PLAN_YEAR);

    /** Columns a sheet may leave out: the serial number, the code of a project not yet on the ledger, the conversion target. */
    public static final Set<String> OPTIONAL = Set.of(SERIAL, CODE, CONVERSION_TARGET_POOL, CONVERSION_TARGET_DATE);

    public static final Map<String, String> POOLS = labels(Pool.class);

    public static final Map<String, String> CITY_CATEGORIES = labels(CityCategory.class);

    public static final Map<String, String> FUNDING_SOURCES = labels(FundingSource.class);

    /** The column of each field of the registry's API that the sheet holds. */
    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("code", CODE),
            Map.entry("name", NAME),
            Map.entry("nationalCode", NATIONAL_CODE),
            Map.entry("ownerUnit", OWNER_UNIT),
            Map.entry("town", TOWN),
            Map.entry("industryChain", CHAIN),
            Map.entry("pool", POOL),
            Map.entry("cityCategory", CITY_CATEGORY),
            Map.entry("totalInvestment", TOTAL),
            Map.entry("annualPlanInvestment", ANNUAL),
            Map.entry("plannedStart", PLANNED_START),
            Map.entry("plannedCompletion", PLANNED_COMPLETION),
            Map.entry("actualStart", ACTUAL_START),
            Map.entry("leadDepartment", LEAD_DEPARTMENT),
            Map.entry("fundingSources", FUNDING),
            Map.entry("fromBeijing", FROM_BEIJING),
            Map.entry("keyConversion", KEY_CONVERSION),
            Map.entry("conversionTargetPool", CONVERSION_TARGET_POOL),
            Map.entry("conversionTargetDate", CONVERSION_TARGET_DATE),
            Map.entry("poolSince", POOL_SINCE),
            Map.entry("planYear", PLAN_YEAR));

    private LedgerColumns() {}

    /** The column that holds a field of the registry's API (annualPlanInvestment → 年度计划投资(万元)), or the field's name. */
    public static String columnOf(String field) {
        return BY_FIELD.getOrDefault(field, field);
    }

    /** Each value's name to its Chinese label, in the contract's order; {@link #nameOf} goes back. */
    private static <E extends Enum<E> & Labelled> Map<String, String> labels(Class<E> type) {
        Map<String, String> map = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            map.put(value.name(), value.label());
        }
        return Collections.unmodifiableMap(map);
    }

    /** The registry's name for a Chinese label, or {@code null}. */
    public static String nameOf(Map<String, String> labels, String label) {
        return labels.entrySet().stream()
                .filter(e -> e.getValue().equals(label))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }
}
