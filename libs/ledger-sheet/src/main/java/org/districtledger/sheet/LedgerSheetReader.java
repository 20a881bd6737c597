package org.districtledger.sheet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectRules;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ledger sheet (.xlsx or .csv) and checks every row, so that every error is reported at once, each
 * with its row, its column and the reason in Chinese and English.
 */
public final class LedgerSheetReader {

    /** The rows read, and every error found; a sheet with errors is to be imported not at all. */
    public record Result(List<LedgerRow> rows, List<SheetError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final int MAX_TEXT = 200;

    /** The most data rows a sheet may have: a city's ledger, with room to spare. */
    static final int MAX_ROWS = 50_000;

    private static final int MAX_COLUMNS = 64;
    private static final int MAX_CELLS = MAX_ROWS * 32;
    /** Excel's own limit of a cell's text. */
    private static final int MAX_CELL_TEXT = 32_767;

    static {
        ZipLimits.apply();
    }

    private LedgerSheetReader() {}

    public static Result read(byte[] content) {
        if (content.length == 0) {
            return failed("文件为空", "the file is empty");
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return readXlsx(content);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed("不是电子表格文件（应为 .xlsx 或 UTF-8 编码的 .csv）", "not a spreadsheet (expected .xlsx or UTF-8 .csv)");
        }
        if (text.indexOf('\0') >= 0) {
            return failed("不是电子表格文件（应为 .xlsx 或 UTF-8 编码的 .csv）", "not a spreadsheet (expected .xlsx or UTF-8 .csv)");
        }
        return readCsv(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static Result readXlsx(byte[] content) {
        // streamed (POI's event API): the sheet's XML is never held as a tree, and a file that expands far beyond
        // itself, or has more rows or columns than a ledger ever has, is refused as soon as that shows
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return failed("工作表为空", "the sheet is empty");
            }
            RowCollector rows = new RowCollector();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(
                        reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg, false), rows, new RawValues()));
                parser.parse(new InputSource(sheet));
            }
            if (rows.mergedTitle) {
                return failed(
                        "第1行是合并单元格的标题行：请删除标题行，使表头位于第1行",
                        "row 1 is a merged title row: delete it so that the headers are in row 1");
            }
            if (rows.headers == null) {
                return failed("工作表为空", "the sheet is empty");
            }
            return check(rows.headers, rows.records, rows.lines);
        } catch (SheetTooLarge e) {
            return failed(e.zh, e.en);
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage());
            if (why.contains("Zip bomb") || why.contains("ratio") || why.contains("exceeds the max")) {
                return failed(
                        "该 Excel 文件解压后过大（疑似压缩炸弹），拒绝读取",
                        "the Excel file expands far beyond its size (a zip bomb?): refused");
            }
            return failed("无法读取该 Excel 文件：" + why, "the Excel file cannot be read: " + why);
        }
    }

    /** The rows of the first sheet as its XML streams by, each cell under its column's header. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        List<String> headers;
        final List<Map<String, Object>> records = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        boolean mergedTitle;
        private Map<String, Object> record;
        private List<String> headerCells;
        private int rowNum;
        private int cells;

        @Override
        public void startRow(int rowNum) {
            if (records.size() >= MAX_ROWS) {
                throw new SheetTooLarge(
                        "数据行超过 " + MAX_ROWS + " 行，请分批导入", "more than " + MAX_ROWS + " data rows: import in parts");
            }
            this.rowNum = rowNum;
            if (headers == null) {
                headerCells = new ArrayList<>();
            } else {
                record = new HashMap<>();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (++cells > MAX_CELLS) {
                throw new SheetTooLarge(
                        "单元格超过 " + MAX_CELLS + " 个，请分批导入", "more than " + MAX_CELLS + " cells: import in parts");
            }
            int column = reference == null ? -1 : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                throw new SheetTooLarge(
                        "列数超过 " + MAX_COLUMNS + " 列，不是项目台账", "more than " + MAX_COLUMNS + " columns: not a ledger");
            }
            if (value != null && value.length() > MAX_CELL_TEXT) {
                throw new SheetTooLarge(
                        "第" + (rowNum + 1) + "行有单元格超过 " + MAX_CELL_TEXT + " 个字符",
                        "row " + (rowNum + 1) + " has a cell longer than " + MAX_CELL_TEXT + " characters");
            }
            if (headers == null) {
                while (headerCells.size() < column) {
                    headerCells.add("");
                }
                headerCells.add(value == null ? "" : value.strip());
            } else if (column >= 0 && column < headers.size() && value != null && !value.isBlank()) {
                record.put(headers.get(column), value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (headers == null) {
                headers = headerCells;
            } else if (!record.isEmpty()) {
                records.add(record);
                lines.add(rowNum + 1);
            }
        }
    }

    /** POI's sheet handler, which also notes a merged region in row 1 (a title row above the headers). */
    private static final class SheetHandler extends XSSFSheetXMLHandler {
        private final RowCollector rows;

        SheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, RowCollector rows, DataFormatter values) {
            super(styles, null, strings, rows, values, false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                if (CellRangeAddress.valueOf(attributes.getValue("ref")).getFirstRow() == 0) {
                    rows.mergedTitle = true;
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /**
     * A cell's value as the ledger reads it, not as it is displayed: a date as yyyy-MM-dd, a number exactly (no
     * thousands separators, no rounding to the cell's format), true and false as 是 and 否.
     */
    private static final class RawValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** A sheet beyond what a ledger ever is: refused before it is read to its end. */
    private static final class SheetTooLarge extends RuntimeException {
        final String zh;
        final String en;

        SheetTooLarge(String zh, String en) {
            super(en, null, false, false);
            this.zh = zh;
            this.en = en;
        }
    }

    private static Result readCsv(String text) {
        try (CSVParser parser = CSVParser.parse(
                new StringReader(text),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get())) {
            List<CSVRecord> all = parser.getRecords();
            if (all.isEmpty()) {
                return failed("工作表为空", "the sheet is empty");
            }
            List<String> headers = new ArrayList<>();
            all.get(0).forEach(h -> headers.add(h.strip()));
            List<Map<String, Object>> records = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (int i = 1; i < all.size(); i++) {
                CSVRecord record = all.get(i);
                Map<String, Object> values = new HashMap<>();
                boolean any = false;
                for (int c = 0; c < Math.min(headers.size(), record.size()); c++) {
                    String value = record.get(c);
                    if (!value.isBlank()) {
                        any = true;
                        values.put(headers.get(c), value);
                    }
                }
                if (any) {
                    records.add(values);
                    lines.add(i + 1);
                }
            }
            return check(headers, records, lines);
        } catch (IOException | RuntimeException e) {
            return failed("无法读取该 CSV 文件：" + e.getMessage(), "the CSV file cannot be read: " + e.getMessage());
        }
    }

    private static Result check(List<String> headers, List<Map<String, Object>> records, List<Integer> lines) {
        List<SheetError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String header : headers) {
            if (header.isEmpty()) {
                continue;
            }
            if (!LedgerColumns.ALL.contains(header)) {
                errors.add(new SheetError(1, header, "未知的表头“" + header + "”", "unknown header '" + header + "'"));
            } else if (!seen.add(header)) {
                errors.add(new SheetError(1, header, "表头“" + header + "”重复", "header '" + header + "' appears twice"));
            }
        }
        for (String required : LedgerColumns.ALL) {
            if (!seen.contains(required) && !LedgerColumns.OPTIONAL.contains(required)) {
                errors.add(
                        new SheetError(1, required, "缺少表头“" + required + "”", "header '" + required + "' is missing"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        if (records.isEmpty()) {
            return failed("工作表没有数据行", "the sheet has no data rows");
        }
        List<LedgerRow> rows = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Integer> nationalCodes = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            RowReader row = new RowReader(lines.get(i), records.get(i), errors);
            LedgerRow parsed = row.parse();
            if (parsed == null) {
                continue;
            }
            duplicate(codes, parsed.code(), parsed.line(), LedgerColumns.CODE, errors);
            duplicate(nationalCodes, parsed.nationalCode(), parsed.line(), LedgerColumns.NATIONAL_CODE, errors);
            rows.add(parsed);
        }
        return new Result(errors.isEmpty() ? rows : List.of(), errors);
    }

    private static void duplicate(
            Map<String, Integer> seen, String value, int line, String column, List<SheetError> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        Integer first = seen.putIfAbsent(value, line);
        if (first != null) {
            errors.add(new SheetError(
                    line, column, "与第" + first + "行重复：" + value, "duplicates row " + first + ": " + value));
        }
    }

    private static Result failed(String zh, String en) {
        return new Result(List.of(), List.of(SheetError.file(zh, en)));
    }

    /** The checks of one row; every error is added, none stops the others. */
    private static final class RowReader {
        private final int line;
        private final Map<String, Object> values;
        private final List<SheetError> errors;
        private final int before;

        RowReader(int line, Map<String, Object> values, List<SheetError> errors) {
            this.line = line;
            this.values = values;
            this.errors = errors;
            this.before = errors.size();
        }

        LedgerRow parse() {
            String name = text(LedgerColumns.NAME, true, MAX_TEXT);
            String nationalCode = text(LedgerColumns.NATIONAL_CODE, false, 24);
            if (nationalCode != null && !nationalCode.matches("\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}")) {
                error(
                        LedgerColumns.NATIONAL_CODE,
                        "项目代码应为 YYYY-RRRRRR-DD-TT-NNNNNN 格式",
                        "must have the shape YYYY-RRRRRR-DD-TT-NNNNNN");
            }
            String pool = label(LedgerColumns.POOL, LedgerColumns.POOLS, true);
            String category = label(LedgerColumns.CITY_CATEGORY, LedgerColumns.CITY_CATEGORIES, false);
            BigDecimal total = money(LedgerColumns.TOTAL);
            BigDecimal annual = money(LedgerColumns.ANNUAL);
            LocalDate plannedStart = date(LedgerColumns.PLANNED_START);
            LocalDate plannedCompletion = date(LedgerColumns.PLANNED_COMPLETION);
            LocalDate actualStart = date(LedgerColumns.ACTUAL_START);
            LocalDate poolSince = date(LedgerColumns.POOL_SINCE);
            Integer year = year();
            Set<String> funding = funding();
            boolean fromBeijing = yesNo(LedgerColumns.FROM_BEIJING);
            boolean keyConversion = yesNo(LedgerColumns.KEY_CONVERSION);
            String targetPool = label(LedgerColumns.CONVERSION_TARGET_POOL, LedgerColumns.POOLS, false);
            LocalDate targetDate = date(LedgerColumns.CONVERSION_TARGET_DATE);
            ProjectRules.conversionTarget(
                            keyConversion, targetPool == null ? null : Pool.valueOf(targetPool), targetDate)
                    .forEach(v -> error(LedgerColumns.columnOf(v.field()), v.reasonZh(), v.reasonEn()));
            if (pool != null && year != null) {
                Pool in = Pool.valueOf(pool);
                List<ProjectRules.Violation> broken =
                        new ArrayList<>(ProjectRules.values(in, year, total, annual, plannedStart, plannedCompletion));
                broken.addAll(ProjectRules.start(in, actualStart));
                broken.forEach(v -> error(LedgerColumns.columnOf(v.field()), v.reasonZh(), v.reasonEn()));
            }
            if (errors.size() > before) {
                return null;
            }
            return new LedgerRow(
                    line,
                    text(LedgerColumns.CODE, false, 32),
                    name,
                    nationalCode,
                    text(LedgerColumns.OWNER_UNIT, false, MAX_TEXT),
                    text(LedgerColumns.TOWN, false, 64),
                    text(LedgerColumns.CHAIN, false, 64),
                    pool,
                    category,
                    total,
                    annual,
                    plannedStart,
                    plannedCompletion,
                    actualStart,
                    text(LedgerColumns.LEAD_DEPARTMENT, false, 100),
                    funding,
                    fromBeijing,
                    keyConversion,
                    targetPool,
                    targetDate,
                    poolSince,
                    year);
        }

        private String text(String column, boolean required, int max) {
            Object value = values.get(column);
            String text = value == null
                    ? null
                    : (value instanceof BigDecimal number
                                    ? number.stripTrailingZeros().toPlainString()
                                    : value.toString())
                            .strip();
            if (text == null || text.isEmpty()) {
                if (required) {
                    error(column, "不能为空", "must not be empty");
                }
                return null;
            }
            text = CellText.fromSheet(text);
            if (text.length() > max) {
                error(column, "超过 " + max + " 个字符", "longer than " + max + " characters");
                return null;
            }
            return text;
        }

        private String label(String column, Map<String, String> labels, boolean required) {
            String text = text(column, required, 20);
            if (text == null) {
                return null;
            }
            String name = LedgerColumns.nameOf(labels, text);
            if (name == null) {
                error(
                        column,
                        "“" + text + "”不是可选值（" + String.join("、", labels.values()) + "）",
                        "'" + text + "' is not one of " + labels.values());
            }
            return name;
        }

        private BigDecimal money(String column) {
            Object value = values.get(column);
            if (value == null) {
                error(column, "不能为空", "must not be empty");
                return null;
            }
            BigDecimal amount;
            try {
                amount = value instanceof BigDecimal number
                        ? number
                        : new BigDecimal(value.toString().strip().replace(",", ""));
            } catch (NumberFormatException e) {
                error(column, "金额列中是文字“" + value + "”，应为以万元计的数字", "text '" + value + "' in a money column (万元)");
                return null;
            }
            if (amount.signum() < 0) {
                error(column, "金额不能为负数", "must not be negative");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                error(column, "金额最多两位小数", "has more than two decimals");
                return null;
            }
            if (amount.compareTo(new BigDecimal("999999999999.99")) > 0) {
                error(column, "金额过大", "is too large");
                return null;
            }
            return amount.setScale(2);
        }

        private LocalDate date(String column) {
            Object value = values.get(column);
            if (value == null) {
                return null;
            }
            if (value instanceof LocalDate day) {
                return day;
            }
            String text = value.toString().strip();
            try {
                return text.contains("/") ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(
                        column,
                        "“" + text + "”不是日期（应为 2023-04-15）",
                        "'" + text + "' is not a date (expected 2023-04-15)");
                return null;
            }
        }

        private Integer year() {
            Object value = values.get(LedgerColumns.PLAN_YEAR);
            if (value == null) {
                error(LedgerColumns.PLAN_YEAR, "不能为空", "must not be empty");
                return null;
            }
            try {
                int year = new BigDecimal(value.toString().strip()).intValueExact();
                if (year < 2000 || year > 2100) {
                    throw new ArithmeticException();
                }
                return year;
            } catch (ArithmeticException | NumberFormatException e) {
                error(LedgerColumns.PLAN_YEAR, "“" + value + "”不是年份", "'" + value + "' is not a year");
                return null;
            }
        }

        private Set<String> funding() {
            String text = text(LedgerColumns.FUNDING, false, 100);
            Set<String> sources = new LinkedHashSet<>();
            if (text == null) {
                return sources;
            }
            for (String label : text.split("[、,，;；]")) {
                String name = LedgerColumns.nameOf(LedgerColumns.FUNDING_SOURCES, label.strip());
                if (name == null) {
                    error(
                            LedgerColumns.FUNDING,
                            "“" + label.strip() + "”不是可选的资金来源",
                            "'" + label.strip() + "' is not a funding source");
                } else {
                    sources.add(name);
                }
            }
            return sources;
        }

        private boolean yesNo(String column) {
            String text = text(column, false, 5);
            if (text == null || text.equals("否")) {
                return false;
            }
            if (text.equals("是")) {
                return true;
            }
            error(column, "应为“是”或“否”", "must be 是 or 否");
            return false;
        }

        private void error(String column, String zh, String en) {
            errors.add(new SheetError(line, column, zh, en));
        }
    }
}
