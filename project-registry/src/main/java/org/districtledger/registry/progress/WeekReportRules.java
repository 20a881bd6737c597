package org.districtledger.registry.progress;

import org.districtledger.contract.SiteStatus;
import org.districtledger.runtime.HttpProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules of a row of the weekly grid, with reasons in Chinese and English. The page takes its limits from here
 * (rendered into its inputs), so the page and the server refuse the same values.
 */
public final class WeekReportRules {

    public static final int MAX_ROWS = 500;
    public static final int INTEGER_DIGITS = 12;
    public static final int NOTE_MAX = 500;
    public static final int PROBLEMS_MAX = 2000;

    private WeekReportRules() {}

    /** Every error of row {@code index}, with the field named as {@code rows[index].field}. */
    public static List<HttpProblem.FieldError> check(int index, WeekReports.Row row) {
        List<HttpProblem.FieldError> errors = new ArrayList<>();
        String at = "rows[" + index + "].";
        if (row == null) {
            errors.add(new HttpProblem.FieldError("rows[" + index + "]", "空行 / an empty row"));
            return errors;
        }
        if (row.code() == null || row.code().isBlank()) {
            errors.add(new HttpProblem.FieldError(at + "code", "缺少项目代码 / the project's code is missing"));
        }
        BigDecimal investment = row.investmentCompleted();
        if (investment == null) {
            errors.add(new HttpProblem.FieldError(
                    at + "investmentCompleted", "请填写本周完成投资（没有则填 0） / required (0 when none)"));
        } else if (investment.signum() < 0) {
            errors.add(new HttpProblem.FieldError(at + "investmentCompleted", "完成投资不能为负数 / must not be negative"));
        } else if (investment.stripTrailingZeros().scale() > 2) {
            errors.add(new HttpProblem.FieldError(
                    at + "investmentCompleted", "完成投资以万元计，最多两位小数 / at most two decimals (万元)"));
        } else if (investment.precision() - investment.scale() > INTEGER_DIGITS) {
            errors.add(new HttpProblem.FieldError(at + "investmentCompleted", "完成投资数额过大 / too large"));
        }
        Integer percent = row.imageProgressPercent();
        if (percent == null) {
            errors.add(new HttpProblem.FieldError(at + "imageProgressPercent", "请填写形象进度（%） / required"));
        } else if (percent < 0 || percent > 100) {
            errors.add(new HttpProblem.FieldError(
                    at + "imageProgressPercent", "形象进度须在 0 到 100 之间 / must be between 0 and 100"));
        }
        if (row.imageProgressNote() != null && row.imageProgressNote().length() > NOTE_MAX) {
            errors.add(new HttpProblem.FieldError(
                    at + "imageProgressNote", "形象进度说明最多 " + NOTE_MAX + " 字 / at most " + NOTE_MAX + " characters"));
        }
        if (row.siteStatus() == null || row.siteStatus().isBlank()) {
            errors.add(new HttpProblem.FieldError(at + "siteStatus", "请选择现场状态 / required"));
        } else if (Arrays.stream(SiteStatus.values()).noneMatch(s -> s.name().equals(row.siteStatus()))) {
            errors.add(new HttpProblem.FieldError(
                    at + "siteStatus", "现场状态须为未进场、已进场或已开工 / must be NOT_ENTERED, ENTERED or STARTED"));
        }
        if (row.problemsRaised() != null && row.problemsRaised().length() > PROBLEMS_MAX) {
            errors.add(new HttpProblem.FieldError(
                    at + "problemsRaised", "存在问题最多 " + PROBLEMS_MAX + " 字 / at most " + PROBLEMS_MAX + " characters"));
        }
        return errors;
    }
}
