package org.districtledger.registry.planyear;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.districtledger.registry.project.Project;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.sheet.ZipLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The next year's annual plans as a sheet in the office's layout (下一年度计划表): the projects to carry over with
 * this year's figures, and blank columns for next year's annual plan and target (and the planned start, filled in,
 * to be moved for a project that has not started). Downloaded, filled in Excel, sent back with the rollover.
 */
final class PlanSheet {

    static final String SHEET_NAME = "年度计划";
    static final int CODE = 0;
    static final int PLANNED_START = 7;
    static final int NEXT_PLAN = 8;
    static final int NEXT_TARGET = 9;
    static final int MAX_ROWS = 20_000;
    private static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;

    static {
        ZipLimits.apply();
    }

    private PlanSheet() {}

    /**
     * A row as sent back: its line (from 2, as Excel numbers it), the project's code and next year's plan;
     * {@code readable} is false when one of its cells could not be read (the reason is with the sheet's errors).
     */
    record PlanRow(
            int line, String code, LocalDate plannedStart, BigDecimal annualPlan, String target, boolean readable) {}

    /** The rows of a sheet sent back, and the reasons of the cells that could not be read. */
    record Read(List<PlanRow> rows, List<HttpProblem.FieldError> errors) {}

    static String[] headers(int year) {
        return new String[] {
            "台账编号",
            "项目名称",
            "所属库",
            "总投资(万元)",
            "累计完成投资(万元)",
            year + "年度计划投资(万元)",
            year + "年完成投资(万元)",
            "计划开工时间",
            (year + 1) + "年度计划投资(万元)",
            (year + 1) + "年度建设目标"
        };
    }

    static void write(int year, List<Project> projects, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(SHEET_NAME);
            XSSFCellStyle bold = book.createCellStyle();
            bold.getFont().setBold(true);
            XSSFCellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("0.00"));
            XSSFCellStyle text = book.createCellStyle();
            text.setQuotePrefixed(true);
            String[] headers = headers(year);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers[c]);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 1 || c == NEXT_TARGET ? 36 : 18) * 256);
            }
            int r = 1;
            for (Project p : projects) {
                Row row = sheet.createRow(r++);
                text(row, 0, p.code, text);
                text(row, 1, p.name, text);
                text(row, 2, p.pool.label(), text);
                number(row, 3, p.totalInvestment, money);
                number(row, 4, p.investmentCompletedTotal, money);
                number(row, 5, p.annualPlanInvestment, money);
                number(row, 6, p.investmentCompletedPlanYear, money);
                if (p.plannedStart != null) {
                    text(row, PLANNED_START, p.plannedStart.toString(), text);
                }
            }
            sheet.createFreezePane(2, 1);
            book.getProperties().getCoreProperties().setTitle((year + 1) + "年度计划（" + year + "年结转）");
            book.write(out);
        }
    }

    /** The rows of a sheet sent back; a cell that cannot be read is an error named by its row. */
    static Read read(int year, byte[] content) {
        try {
            if (!ZipLimits.entriesWithin(content, MAX_ENTRY_BYTES)) {
                throw HttpProblemException.invalidField("body", "表格解压后过大 / the workbook expands beyond 50 MB");
            }
        } catch (IOException e) {
            throw HttpProblemException.invalidField("body", "不是可读的 .xlsx 文件 / not a readable .xlsx workbook");
        }
        List<PlanRow> rows = new ArrayList<>();
        List<HttpProblem.FieldError> errors = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = Optional.ofNullable(book.getSheet(SHEET_NAME)).orElse(book.getSheetAt(0));
            DataFormatter format = new DataFormatter();
            String[] headers = headers(year);
            Row header = sheet.getRow(0);
            for (int c : new int[] {CODE, PLANNED_START, NEXT_PLAN, NEXT_TARGET}) {
                String found = header == null
                        ? ""
                        : format.formatCellValue(header.getCell(c)).strip();
                if (!headers[c].equals(found)) {
                    throw HttpProblemException.invalidField(
                            "body",
                            "第 1 行第 " + (c + 1) + " 列应为「" + headers[c] + "」，请使用下载的 " + (year + 1)
                                    + " 年度计划表 / not the plan sheet of " + (year + 1));
                }
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String code = row == null
                        ? ""
                        : format.formatCellValue(row.getCell(CODE)).strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw HttpProblemException.invalidField("body", "一次最多 " + MAX_ROWS + " 行 / too many rows");
                }
                String at = "rows[" + (r + 1) + "].";
                String where = "第 " + (r + 1) + " 行（" + code + "）：";
                int before = errors.size();
                BigDecimal plan = money(row.getCell(NEXT_PLAN), at + "annualPlanInvestment", where, errors);
                LocalDate start = date(row.getCell(PLANNED_START), at + "plannedStart", where, format, errors);
                String target = format.formatCellValue(row.getCell(NEXT_TARGET)).strip();
                if (target.length() > 500) {
                    errors.add(
                            new HttpProblem.FieldError(at + "annualTarget", where + "建设目标超过 500 字 / longer than 500"));
                }
                rows.add(new PlanRow(
                        r + 1, code, start, plan, target.isEmpty() ? null : target, errors.size() == before));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpProblemException problem) {
                throw problem;
            }
            throw HttpProblemException.invalidField("body", "不是可读的 .xlsx 文件 / not a readable .xlsx workbook");
        }
        return new Read(rows, errors);
    }

    private static BigDecimal money(Cell cell, String field, String where, List<HttpProblem.FieldError> errors) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null; // a missing plan is named with the other reasons, by the rollover
        }
        BigDecimal value;
        if (cell.getCellType() == CellType.NUMERIC) {
            value = new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
        } else {
            String text = cell.getCellType() == CellType.STRING
                    ? cell.getStringCellValue().strip()
                    : "";
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.add(new HttpProblem.FieldError(field, where + "「" + text + "」不是数字 / not a number"));
                return null;
            }
        }
        if (value.signum() < 0) {
            errors.add(new HttpProblem.FieldError(field, where + "年度计划投资不能为负 / must not be negative"));
            return null;
        }
        if (value.scale() > 2 || value.precision() - value.scale() > 12) {
            errors.add(new HttpProblem.FieldError(field, where + "万元至多两位小数、十二位整数 / at most 12 digits and 2 decimals"));
            return null;
        }
        return value.setScale(2);
    }

    private static LocalDate date(
            Cell cell, String field, String where, DataFormatter format, List<HttpProblem.FieldError> errors) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String text = format.formatCellValue(cell).strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new HttpProblem.FieldError(field, where + "「" + text + "」不是日期（YYYY-MM-DD） / not a date"));
            return null;
        }
    }

    private static void text(Row row, int column, String value, XSSFCellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value, XSSFCellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
