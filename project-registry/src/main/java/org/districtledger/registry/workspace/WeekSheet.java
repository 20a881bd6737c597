package org.districtledger.registry.workspace;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.districtledger.contract.Labelled;
import org.districtledger.contract.SiteStatus;
import org.districtledger.registry.progress.WeekReportRules;
import org.districtledger.registry.progress.WeekReports;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.sheet.ZipLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weekly grid as a sheet, in the layout of the page's grid: download it with the user's projects (last week's
 * image progress and site status filled in), fill it in Excel, upload it; the rows then go through the same rules
 * and the same all-or-nothing save as the grid's.
 */
public final class WeekSheet {

    public static final String SHEET_NAME = "周报";
    static final String[] HEADERS = {"项目代码", "项目名称", "本周完成投资（万元）", "形象进度（%）", "形象进度说明", "现场状态", "存在问题"};

    /** A week's sheet (at most 500 rows of 7 cells) expands to far less than this; a bigger one is refused. */
    private static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;

    static {
        ZipLimits.apply();
    }

    private WeekSheet() {}

    public static void write(String isoWeek, List<Workspace.Item> projects, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(SHEET_NAME);
            XSSFCellStyle bold = book.createCellStyle();
            bold.getFont().setBold(true);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADERS[c]);
                cell.setCellStyle(bold);
            }
            XSSFCellStyle text = book.createCellStyle();
            text.setQuotePrefixed(true);
            int r = 1;
            for (Workspace.Item p : projects) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.code());
                Cell name = row.createCell(1);
                name.setCellValue(p.name());
                name.setCellStyle(text);
                Workspace.LastReport filled = p.thisWeek() != null ? p.thisWeek() : p.lastReport();
                if (p.thisWeek() != null) {
                    row.createCell(2)
                            .setCellValue(p.thisWeek().investmentCompleted().doubleValue());
                }
                if (filled != null) {
                    row.createCell(3).setCellValue(filled.imageProgressPercent());
                    row.createCell(5).setCellValue(Labelled.labelOf(SiteStatus.class, filled.siteStatus()));
                }
                if (p.thisWeek() != null) {
                    text(row, 4, p.thisWeek().imageProgressNote(), text);
                    text(row, 6, p.thisWeek().problemsRaised(), text);
                }
            }
            sheet.createFreezePane(2, 1);
            int[] widths = {14, 40, 18, 12, 40, 10, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            book.getProperties().getCoreProperties().setTitle("周报 " + isoWeek);
            book.write(out);
        }
    }

    /** The rows of an uploaded sheet; an unreadable cell is an error named by its row, and nothing is saved. */
    public static List<WeekReports.Row> read(byte[] content) {
        List<WeekReports.Row> rows = new ArrayList<>();
        List<HttpProblem.FieldError> errors = new ArrayList<>();
        try {
            if (!ZipLimits.entriesWithin(content, MAX_ENTRY_BYTES)) {
                throw HttpProblemException.invalidField("body", "表格解压后过大，不是周报模板 / expands beyond 20 MB");
            }
        } catch (IOException e) {
            throw HttpProblemException.invalidField("body", "不是可读的 .xlsx 文件 / not a readable .xlsx workbook");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = Optional.ofNullable(book.getSheet(SHEET_NAME)).orElse(book.getSheetAt(0));
            Row header = sheet.getRow(0);
            DataFormatter format = new DataFormatter();
            for (int c = 0; c < HEADERS.length; c++) {
                String found = header == null
                        ? ""
                        : format.formatCellValue(header.getCell(c)).strip();
                if (!HEADERS[c].equals(found)) {
                    throw HttpProblemException.invalidField(
                            "body", "第 1 行第 " + (c + 1) + " 列应为「" + HEADERS[c] + "」，请使用下载的模板 / not the template");
                }
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || format.formatCellValue(row.getCell(0)).isBlank()) {
                    continue;
                }
                if (rows.size() >= WeekReportRules.MAX_ROWS) {
                    throw HttpProblemException.invalidField(
                            "body", "一次最多 " + WeekReportRules.MAX_ROWS + " 行 / too many rows");
                }
                String at = "rows[" + rows.size() + "].";
                BigDecimal investment = number(row.getCell(2), at + "investmentCompleted", errors);
                BigDecimal percent = number(row.getCell(3), at + "imageProgressPercent", errors);
                String status = format.formatCellValue(row.getCell(5)).strip();
                rows.add(new WeekReports.Row(
                        format.formatCellValue(row.getCell(0)).strip(),
                        investment,
                        percent == null ? null : percent.intValue(),
                        textOf(row.getCell(4), format),
                        status.isEmpty()
                                ? null
                                : Labelled.byLabel(SiteStatus.class, status)
                                        .map(Enum::name)
                                        .orElse(status),
                        textOf(row.getCell(6), format)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpProblemException problem) {
                throw problem;
            }
            throw HttpProblemException.invalidField("body", "不是可读的 .xlsx 文件 / not a readable .xlsx workbook");
        }
        if (!errors.isEmpty()) {
            throw HttpProblemException.invalidFields(errors);
        }
        return rows;
    }

    private static BigDecimal number(Cell cell, String field, List<HttpProblem.FieldError> errors) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
        }
        String text = cell.getCellType() == CellType.STRING
                ? cell.getStringCellValue().strip()
                : "";
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new HttpProblem.FieldError(field, "「" + text + "」不是数字 / not a number"));
            return null;
        }
    }

    private static String textOf(Cell cell, DataFormatter format) {
        String text = format.formatCellValue(cell);
        return text.isBlank() ? null : text.strip();
    }

    private static void text(Row row, int column, String value, XSSFCellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }
}
