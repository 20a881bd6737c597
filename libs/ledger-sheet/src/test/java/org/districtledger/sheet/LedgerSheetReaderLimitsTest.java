package org.districtledger.sheet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An xlsx is read as a stream, within the limits of a ledger: a zip bomb or an endless sheet is refused, not read. */
class LedgerSheetReaderLimitsTest {

    @Test
    void aSheetThatExpandsAThousandfoldIsRefusedAsAZipBombWithoutRunningOutOfMemory() throws Exception {
        byte[] bomb = withPaddedSheet(ledger(3), 80 * 1024 * 1024);
        assertTrue(bomb.length < 1024 * 1024, "the bomb is small: " + bomb.length);

        LedgerSheetReader.Result read = LedgerSheetReader.read(bomb);

        assertFalse(read.ok());
        assertTrue(
                read.errors().get(0).reasonZh().contains("压缩炸弹"), read.errors().toString());
    }

    @Test
    void moreRowsThanALedgerEverHasAreRefusedWithTheLimitNamed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(0);
            for (int c = 0; c < LedgerColumns.ALL.size(); c++) {
                header.createCell(c).setCellValue(LedgerColumns.ALL.get(c));
            }
            for (int r = 1; r <= LedgerSheetReader.MAX_ROWS + 1; r++) {
                sheet.createRow(r).createCell(2).setCellValue("项目" + r);
            }
            workbook.write(out);
        }
        LedgerSheetReader.Result read = LedgerSheetReader.read(out.toByteArray());
        assertFalse(read.ok());
        assertEquals(1, read.errors().size(), read.errors().toString());
        assertTrue(
                read.errors().get(0).reasonZh().contains("超过 " + LedgerSheetReader.MAX_ROWS),
                read.errors().toString());
    }

    @Test
    void aStreamedSheetReadsNumbersAndDatesExactlyWhateverTheirDisplayFormat() throws Exception {
        LedgerSheetReader.Result read = LedgerSheetReader.read(ledger(2));
        assertEquals(List.of(), read.errors());
        assertEquals(2, read.rows().size());
        LedgerRow first = read.rows().get(0);
        assertEquals(new BigDecimal("90000.00"), first.totalInvestment());
        assertEquals(new BigDecimal("12000.50"), first.annualPlanInvestment());
        assertEquals(LocalDate.of(2022, 5, 1), first.plannedStart());
        assertEquals(2023, first.planYear());
    }

    /** A valid ledger of {@code rows} projects, as the writer writes it. */
    private static byte[] ledger(int rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<LedgerRow> ledger = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            ledger.add(new LedgerRow(
                    0,
                    null,
                    "限额测试项目" + i,
                    null,
                    "天津某建设公司",
                    "杨村街道",
                    "高端装备",
                    "BUILDING",
                    null,
                    new BigDecimal("90000.00"),
                    new BigDecimal("12000.50"),
                    LocalDate.of(2022, 5, 1),
                    LocalDate.of(2024, 6, 30),
                    LocalDate.of(2022, 6, 1),
                    "区发改委",
                    Set.of("SPECIAL_BONDS"),
                    false,
                    false,
                    null,
                    null,
                    LocalDate.of(2022, 6, 1),
                    2023));
        }
        LedgerSheetWriter.writeXlsx(ledger, out);
        return out.toByteArray();
    }

    /** The same workbook, its first sheet padded with whitespace (valid XML) that compresses to almost nothing. */
    private static byte[] withPaddedSheet(byte[] xlsx, int padding) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int written = 0; written < padding; written += spaces.length) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
