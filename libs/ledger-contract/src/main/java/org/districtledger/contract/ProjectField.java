package org.districtledger.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The fields of a project the office edits (PATCH, the ledger sheet), by the name events give them and the name the
 * office gives them: what a timeline or the weekly page shows of a change, e.g. 计划开工 2023-04-15 → 2023-07-01.
 */
public enum ProjectField implements Labelled {
    NATIONAL_CODE("nationalCode", "项目代码", null),
    NAME("name", "项目名称", null),
    CITY_CATEGORY("cityCategory", "市级重点类别", name -> Labelled.labelOf(CityCategory.class, name)),
    INDUSTRY_CHAIN("industryChain", "产业链", null),
    TOWN("town", "所在镇街/园区", null),
    OWNER_UNIT("ownerUnit", "建设单位", null),
    LEAD_DEPARTMENT("leadDepartment", "牵头部门", null),
    PLAN_YEAR("planYear", "计划年度", null),
    TOTAL_INVESTMENT("totalInvestment", "总投资", null),
    ANNUAL_PLAN_INVESTMENT("annualPlanInvestment", "年度计划投资", null),
    PLANNED_START("plannedStart", "计划开工", null),
    PLANNED_COMPLETION("plannedCompletion", "计划竣工", null),
    FUNDING_SOURCES("fundingSources", "资金来源", name -> Labelled.labelOf(FundingSource.class, name)),
    FROM_BEIJING("fromBeijing", "承接非首都功能", null),
    KEY_CONVERSION("keyConversion", "重点转化项目", null),
    CONVERSION_TARGET_POOL("conversionTargetPool", "转化目标库", name -> Labelled.labelOf(Pool.class, name)),
    CONVERSION_TARGET_DATE("conversionTargetDate", "转化目标日期", null);

    private final String field;
    private final String label;
    /** The label of each of its values, where they are an enum's (a pool's, a category's), else null. */
    private final UnaryOperator<String> valueLabels;

    ProjectField(String field, String label, UnaryOperator<String> valueLabels) {
        this.field = field;
        this.label = label;
        this.valueLabels = valueLabels;
    }

    /** The field's name in events and in the API. */
    public String field() {
        return field;
    }

    @Override
    public String label() {
        return label;
    }

    /** The field an event names, if the office edits one of that name. */
    public static Optional<ProjectField> of(String field) {
        return Arrays.stream(values()).filter(f -> f.field.equals(field)).findFirst();
    }

    /** The office's name of a field an event names, or the name itself if it is none of these. */
    public static String labelOf(String field) {
        return of(field).map(ProjectField::label).orElse(field);
    }

    /**
     * How a value of the field reads: 万元 after money, 是/否, an enum's label, 资金来源 joined with 、, and 未填 for
     * none. {@code values} is the value's text, or a set's members' (empty for none).
     */
    public String show(List<String> values) {
        if (values.isEmpty() || values.get(0) == null || values.get(0).isEmpty()) {
            return "未填";
        }
        return switch (this) {
            case TOTAL_INVESTMENT, ANNUAL_PLAN_INVESTMENT -> money(values.get(0)) + " 万元";
            case FROM_BEIJING, KEY_CONVERSION -> Boolean.parseBoolean(values.get(0)) ? "是" : "否";
            default ->
                valueLabels == null
                        ? String.join("、", values)
                        : values.stream().map(valueLabels).collect(Collectors.joining("、"));
        };
    }

    /** An amount in 万元 with its two decimals, as the ledger keeps it (18000.00, not 18000 or 1.8E+4). */
    private static String money(String amount) {
        try {
            return new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException notANumber) {
            return amount;
        }
    }
}
