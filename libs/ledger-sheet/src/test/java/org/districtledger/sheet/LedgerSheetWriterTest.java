package org.districtledger.sheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerSheetWriterTest {

    /** A row whose text a spreadsheet could take for formulas, as someone might type it into the API. */
    private static final LedgerRow TRAPPED = new LedgerRow(
            0,
            "WQ-2023-0001",
            "=HYPERLINK(\"http://evil.example\",\"点击\")",
            null,
            "@SUM(A1:A9)",
            "+杨村街道",
            "-高端装备",
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
            2023);

    @Test
    void csvCellsThatLookLikeFormulasAreWrittenAsTextAndReadBackAsTheyWere() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheetWriter.writeCsv(List.of(TRAPPED), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\""), csv);
        assertTrue(csv.contains(",'@SUM(A1:A9),'+杨村街道,'-高端装备,"), csv);
        assertFalse(
                csv.contains(",=") || csv.contains(",@") || csv.contains(",+") || csv.contains(",-"),
                "no cell starts a formula: " + csv);
        assertTrue(csv.contains(",90000.00,12000.50,"), "amounts stay numbers: " + csv);

        LedgerSheetReader.Result read = LedgerSheetReader.read(out.toByteArray());
        assertEquals(List.of(), read.errors());
        assertEquals(TRAPPED.content(), read.rows().get(0).content(), "the ledger gets back what it wrote");
    }

    @Test
    void xlsxCellsThatLookLikeFormulasAreQuotePrefixedText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheetWriter.writeXlsx(List.of(TRAPPED), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Cell name = book.getSheetAt(0).getRow(1).getCell(LedgerColumns.ALL.indexOf(LedgerColumns.NAME));
            assertEquals(CellType.STRING, name.getCellType());
            assertTrue(name.getCellStyle().getQuotePrefixed(), "Excel shows it as text and keeps it text when edited");
            Cell department =
                    book.getSheetAt(0).getRow(1).getCell(LedgerColumns.ALL.indexOf(LedgerColumns.LEAD_DEPARTMENT));
            assertFalse(department.getCellStyle().getQuotePrefixed(), "ordinary text is left alone");
        }
        LedgerSheetReader.Result read = LedgerSheetReader.read(out.toByteArray());
        assertEquals(List.of(), read.errors());
        assertEquals(TRAPPED.content(), read.rows().get(0).content());
    }
}
