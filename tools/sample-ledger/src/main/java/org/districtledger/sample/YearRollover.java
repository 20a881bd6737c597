package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The district's year end (年度结转), as the project office does it: download the plan sheet of the projects to carry
 * over, fill in next year's annual plans and targets (a building project plans what is left of its total over the
 * years to its planned completion; one not yet started keeps its plan and moves its planned start into the new
 * year; a reserve or planning project keeps its plan), check it with a dry run, roll over, and give the new
 * accountability projects their leader and task force.
 */
public final class YearRollover {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What the rollover did. */
    public record Result(int carriedOver, int staying, BigDecimal nextAnnualPlan, int assigned) {}

    private YearRollover() {}

    /**
     * Rolls {@code year} over into the next through the registry's API, on the new year's first day (the tracker's
     * clock is moved there first, so that the closed year's weeks keep what they showed), and has the tracker give
     * the new accountability projects their leaders.
     */
    public static Result rollover(URI registry, URI tracker, int year, long seed) throws InterruptedException {
        RegistryClient office = RegistryClient.asOffice(registry);
        TrackerClock clock = new TrackerClock(registry, tracker);
        clock.moveTo(LocalDate.of(year + 1, 1, 1));
        byte[] sheet = fill(office.download("/api/v1/plan-years/" + year + "/plan-sheet.xlsx"), year, seed);
        office.upload("/api/v1/plan-years/" + year + "/rollover?dryRun=true", sheet, XLSX, 200);
        JsonNode done = office.upload("/api/v1/plan-years/" + year + "/rollover", sheet, XLSX, 200);
        clock.awaitCaughtUp();
        Set<String> toAssign = new HashSet<>();
        done.at("/accountability/toAssign").forEach(code -> toAssign.add(code.asText()));
        int assigned = toAssign.isEmpty() ? 0 : SampleAssignments.assign(tracker, toAssign);
        return new Result(
                done.get("carriedOver").asInt(),
                done.get("staying").asInt(),
                done.get("nextAnnualPlanInvestment").decimalValue(),
                assigned);
    }

    /** The office's plans for the next year, written into the sheet the registry gave. */
    static byte[] fill(byte[] template, int year, long seed) {
        Random random = new Random(seed + year);
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String pool = format.formatCellValue(row.getCell(2));
                BigDecimal total = money(row.getCell(3));
                BigDecimal done = money(row.getCell(4));
                BigDecimal plan = money(row.getCell(5));
                String start = format.formatCellValue(row.getCell(7)).strip();
                BigDecimal next;
                String target;
                switch (pool) {
                    case "建设库" -> {
                        // what is left, over the one or two years the district gives a project still building
                        BigDecimal left = total.subtract(done).max(BigDecimal.ZERO);
                        int years = 1 + random.nextInt(2);
                        next = left.divide(BigDecimal.valueOf(years), 0, RoundingMode.HALF_UP);
                        target = years == 1 ? "完成剩余建设内容，年内竣工" : "完成年度投资，主体工程基本完工";
                    }
                    case "预备库" -> {
                        next = plan;
                        target = "完成前期手续，年内开工建设";
                        LocalDate planned = start.isEmpty() ? null : LocalDate.parse(start);
                        if (planned == null || planned.getYear() <= year) {
                            LocalDate moved = LocalDate.of(year + 1, 3 + random.nextInt(7), 1 + random.nextInt(28));
                            row.createCell(7).setCellValue(moved.toString());
                        }
                    }
                    case "储备库" -> {
                        next = plan;
                        target = "落实用地与资金，力争转入预备库";
                    }
                    case "谋划库" -> {
                        next = plan;
                        target = "深化前期研究，力争转入储备库";
                    }
                    default -> {
                        next = BigDecimal.ZERO;
                        target = "视情况恢复建设";
                    }
                }
                row.createCell(8).setCellValue(next.min(total).doubleValue());
                row.createCell(9).setCellValue(target);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fill the plan sheet: " + e.getMessage(), e);
        }
    }

    private static BigDecimal money(Cell cell) {
        return cell == null
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }
}
