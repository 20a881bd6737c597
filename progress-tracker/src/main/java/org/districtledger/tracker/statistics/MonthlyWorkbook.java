package org.districtledger.tracker.statistics;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The 月度统计表: a month's statistics as a workbook, in Chinese; money in 万元, numbers as numbers. */
final class MonthlyWorkbook {

    private static final String[] COLUMNS = {"项目数", "本月完成投资(万元)", "年内累计完成投资(万元)", "本月开工", "年内开工", "本月竣工", "年内竣工"};

    private MonthlyWorkbook() {}

    static void write(MonthlyStatistics statistics, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            Sheet totals = workbook.createSheet("总览");
            pair(totals, 0, "月份", statistics.month(), header);
            pair(totals, 1, "截至日期", statistics.asOf().toString(), header);
            pair(totals, 2, "计量单位", statistics.unit(), header);
            sheetOf(
                    totals,
                    4,
                    "全部项目",
                    List.of(new MonthlyStatistics.Group("ALL", "全部项目", statistics.totals())),
                    header,
                    money);

            sheetOf(workbook.createSheet("按项目库"), 0, "项目库", statistics.byPool(), header, money);
            sheetOf(workbook.createSheet("按产业链"), 0, "产业链", statistics.byIndustryChain(), header, money);
            sheetOf(workbook.createSheet("按镇街"), 0, "镇街", statistics.byTown(), header, money);
            sheetOf(workbook.createSheet("按市级分类"), 0, "市级台账分类", statistics.byCityCategory(), header, money);
            workbook.write(out);
        }
    }

    private static void sheetOf(
            Sheet sheet,
            int top,
            String first,
            List<MonthlyStatistics.Group> groups,
            CellStyle header,
            CellStyle money) {
        Row head = sheet.createRow(top);
        text(head, 0, first, header);
        for (int c = 0; c < COLUMNS.length; c++) {
            text(head, c + 1, COLUMNS[c], header);
        }
        for (int c = 0; c <= COLUMNS.length; c++) {
            sheet.setColumnWidth(c, 20 * 256);
        }
        int r = top + 1;
        for (MonthlyStatistics.Group group : groups) {
            Row row = sheet.createRow(r++);
            Cell label = row.createCell(0);
            label.setCellValue(group.label());
            if (!group.label().isEmpty() && "=+-@\t\r".indexOf(group.label().charAt(0)) >= 0) {
                // a town or chain a spreadsheet could take for a formula stays text (OWASP CSV injection)
                CellUtil.setCellStyleProperty(label, CellPropertyType.QUOTE_PREFIXED, true);
            }
            MonthlyStatistics.Figures f = group.figures();
            row.createCell(1).setCellValue(f.projects());
            row.createCell(2).setCellValue(f.investmentCompletedMonth().doubleValue());
            row.getCell(2).setCellStyle(money);
            row.createCell(3).setCellValue(f.investmentCompletedYearToDate().doubleValue());
            row.getCell(3).setCellStyle(money);
            row.createCell(4).setCellValue(f.startsMonth());
            row.createCell(5).setCellValue(f.startsYearToDate());
            row.createCell(6).setCellValue(f.completionsMonth());
            row.createCell(7).setCellValue(f.completionsYearToDate());
        }
        sheet.createFreezePane(1, top + 1);
    }

    private static void pair(Sheet sheet, int r, String name, String value, CellStyle header) {
        Row row = sheet.createRow(r);
        text(row, 0, name, header);
        row.createCell(1).setCellValue(value);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
