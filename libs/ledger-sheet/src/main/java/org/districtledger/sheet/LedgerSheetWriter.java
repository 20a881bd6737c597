package org.districtledger.sheet;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the ledger in the project office's layout: an .xlsx workbook or a UTF-8 CSV file that Excel opens. */
public final class LedgerSheetWriter {

    public static final String SHEET_NAME = "项目台账";

    /** The media type of an .xlsx workbook, as the services take and serve the office's sheets. */
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int ROWS_IN_MEMORY = 200;

    private LedgerSheetWriter() {}

    /**
     * Writes the workbook as it goes (POI's streaming workbook, {@value #ROWS_IN_MEMORY} rows in memory), so that a
     * city's ledger takes neither the time nor the memory of a whole workbook held at once.
     */
    public static void writeXlsx(List<LedgerRow> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try (workbook) {
            workbook.setCompressTempFiles(true);
            // plain ZIP entries, as Excel and every ZIP reader expect (the ledger never nears the 4 GB of ZIP64)
            workbook.setZip64Mode(Zip64Mode.Never);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("district-ledger");
            workbook.getXSSFWorkbook()
                    .getProperties()
                    .getCoreProperties()
                    .setCreated(Optional.of(Date.from(Instant.EPOCH)));
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle text = workbook.createCellStyle();
            text.setQuotePrefixed(true); // text that begins like a formula stays text, even when edited

            Row top = sheet.createRow(0);
            for (int c = 0; c < LedgerColumns.ALL.size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(LedgerColumns.ALL.get(c));
                cell.setCellStyle(header);
            }
            int r = 1;
            for (LedgerRow row : rows) {
                Row line = sheet.createRow(r);
                List<Object> values = values(row, r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = line.createCell(c);
                    if (value instanceof BigDecimal amount) {
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(money);
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Integer number) {
                        cell.setCellValue(number);
                    } else {
                        cell.setCellValue(value.toString());
                        if (CellText.looksLikeFormula(value.toString())) {
                            cell.setCellStyle(text);
                        }
                    }
                }
                r++;
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {6, 14, 36, 28, 24, 16, 16, 10, 12, 14, 16, 14, 14, 14, 16, 22, 14, 12, 12, 10};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
        }
    }

    public static void writeCsv(List<LedgerRow> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel reads it as UTF-8
        try (CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(LedgerColumns.ALL.toArray(String[]::new))
                        .get())) {
            int serial = 1;
            for (LedgerRow row : rows) {
                List<String> text = new ArrayList<>();
                for (Object value : values(row, serial++)) {
                    text.add(
                            value == null
                                    ? ""
                                    : value instanceof BigDecimal amount
                                            ? amount.setScale(2).toPlainString()
                                            : value instanceof String words
                                                    ? CellText.forCsv(words)
                                                    : value.toString());
                }
                csv.printRecord(text);
            }
        }
    }

    private static List<Object> values(LedgerRow row, int serial) {
        List<Object> values = new ArrayList<>();
        values.add(serial);
        values.add(blankToNull(row.code()));
        values.add(row.name());
        values.add(row.nationalCode());
        values.add(row.ownerUnit());
        values.add(row.town());
        values.add(row.industryChain());
        values.add(LedgerColumns.POOLS.get(row.pool()));
        values.add(row.cityCategory() == null ? null : LedgerColumns.CITY_CATEGORIES.get(row.cityCategory()));
        values.add(row.totalInvestment().setScale(2));
        values.add(row.annualPlanInvestment().setScale(2));
        values.add(row.plannedStart());
        values.add(row.plannedCompletion());
        values.add(row.actualStart());
        values.add(row.leadDepartment());
        values.add(
                row.fundingSources().isEmpty()
                        ? null
                        : LedgerColumns.FUNDING_SOURCES.keySet().stream()
                                .filter(row.fundingSources()::contains)
                                .map(LedgerColumns.FUNDING_SOURCES::get)
                                .collect(Collectors.joining("、")));
        values.add(row.fromBeijing() ? "是" : "否");
        values.add(row.keyConversion() ? "是" : "否");
        values.add(row.conversionTargetPool() == null ? null : LedgerColumns.POOLS.get(row.conversionTargetPool()));
        values.add(row.conversionTargetDate());
        values.add(row.poolSince());
        values.add(row.planYear());
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
