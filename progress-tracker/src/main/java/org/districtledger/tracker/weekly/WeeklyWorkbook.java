package org.districtledger.tracker.weekly;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.districtledger.tracker.conversion.ConversionAnalytics;
import org.districtledger.tracker.conversion.ConversionFigures;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/** The 周调度表: the weekly view as a workbook, one sheet per section, in Chinese. */
final class WeeklyWorkbook {

    private WeeklyWorkbook() {}

    static void write(WeeklySchedule report, OutputStream out) throws IOException {
        // streamed: a district of thousands of projects writes its rows without holding the whole sheet in memory
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);

            Sheet overview = sheet(workbook, "总览", header, "项目", "数值");
            WeeklySchedule.Headline h = report.headline();
            row(overview, "周次", report.week());
            row(overview, "截至日期", report.asOf().toString());
            h.projectsByPool().forEach((pool, count) -> row(overview, WeeklyLabels.pool(pool) + "项目数", count));
            row(overview, "计划新开工项目数", h.starts().plannedNewStarts());
            row(overview, "已开工项目数", h.starts().started());
            row(overview, "开工率", h.starts().rate());
            row(overview, "年度计划投资(万元)", h.investment().annualPlan());
            row(overview, "年度累计完成投资(万元)", h.investment().completedYearToDate());
            row(overview, "序时进度应完成(万元)", h.investment().timeProportionalPlan());
            row(overview, "占年度计划比例", h.investment().shareOfPlan());
            row(overview, "占序时进度比例", h.investment().shareOfTimeProportionalPlan());
            row(overview, "本周转化项目数", h.conversions().thisWeek());
            row(overview, "年度累计转化项目数", h.conversions().yearToDate());
            row(overview, "红灯", h.flags().red());
            row(overview, "红灯较上周", h.flags().redChange());
            row(overview, "黄灯", h.flags().yellow());
            row(overview, "黄灯较上周", h.flags().yellowChange());

            Sheet leaders = sheet(
                    workbook, "包联领导", header, "包联领导", "职务", "项目编号", "项目名称", "所属库", "工作专班", "牵头部门", "预警", "原因", "亮灯日期");
            for (WeeklySchedule.LeaderSection section : report.byLeader()) {
                for (WeeklySchedule.ProjectLine project : section.projects()) {
                    if (project.flags().isEmpty()) {
                        row(
                                leaders,
                                section.leader(),
                                section.title(),
                                project.code(),
                                project.name(),
                                WeeklyLabels.pool(project.pool()),
                                project.taskForce(),
                                project.leadDepartment(),
                                "",
                                "",
                                "");
                    }
                    for (WeeklySchedule.FlagLine flag : project.flags()) {
                        row(
                                leaders,
                                section.leader(),
                                section.title(),
                                project.code(),
                                project.name(),
                                WeeklyLabels.pool(project.pool()),
                                project.taskForce(),
                                project.leadDepartment(),
                                WeeklyLabels.colour(flag.colour()) + "灯·" + flag.rule(),
                                flag.reason(),
                                flag.since().toString());
                    }
                }
            }

            Sheet taskForces =
                    sheet(workbook, "工作专班", header, "工作专班", "牵头部门", "包联领导", "项目编号", "项目名称", "所属库", "预警", "原因", "亮灯日期");
            for (WeeklySchedule.TaskForceSection section : report.byTaskForce()) {
                for (WeeklySchedule.ProjectLine project : section.projects()) {
                    if (project.flags().isEmpty()) {
                        row(
                                taskForces,
                                section.taskForce(),
                                project.leadDepartment(),
                                project.leader(),
                                project.code(),
                                project.name(),
                                WeeklyLabels.pool(project.pool()),
                                "",
                                "",
                                "");
                    }
                    for (WeeklySchedule.FlagLine flag : project.flags()) {
                        row(
                                taskForces,
                                section.taskForce(),
                                project.leadDepartment(),
                                project.leader(),
                                project.code(),
                                project.name(),
                                WeeklyLabels.pool(project.pool()),
                                WeeklyLabels.colour(flag.colour()) + "灯·" + flag.rule(),
                                flag.reason(),
                                flag.since().toString());
                    }
                }
            }

            Sheet changes = sheet(workbook, "本周变化", header, "类别", "项目编号", "项目名称", "内容", "日期");
            for (WeeklySchedule.FlagChange change : report.changes().flags()) {
                row(
                        changes,
                        WeeklyLabels.change(change.change()),
                        change.code(),
                        change.name(),
                        WeeklyLabels.colour(change.colour()) + "灯·" + change.rule() + "：" + change.reason(),
                        change.on().toString());
            }
            for (WeeklySchedule.DatedProject start : report.changes().starts()) {
                row(changes, "开工", start.code(), start.name(), "", start.on().toString());
            }
            for (WeeklySchedule.DatedProject done : report.changes().completions()) {
                row(changes, "竣工", done.code(), done.name(), "", done.on().toString());
            }
            for (WeeklySchedule.ConversionLine move : report.changes().conversions()) {
                row(
                        changes,
                        "项目转化",
                        move.code(),
                        move.name(),
                        WeeklyLabels.pool(move.from()) + "→" + WeeklyLabels.pool(move.to()),
                        move.on().toString());
            }
            for (WeeklySchedule.ProblemLine problem : report.changes().problemsRaised()) {
                row(
                        changes,
                        "提出问题",
                        problem.code(),
                        problem.name(),
                        problem.title() + "（" + problem.department() + "）",
                        problem.raisedOn().toString());
            }
            for (WeeklySchedule.ProblemLine problem : report.changes().problemsResolved()) {
                row(
                        changes,
                        "问题解决",
                        problem.code(),
                        problem.name(),
                        problem.title() + "（" + problem.department() + "）",
                        problem.resolvedOn() == null ? "" : problem.resolvedOn().toString());
            }
            for (WeeklySchedule.EditLine edit : report.changes().edits()) {
                row(
                        changes,
                        "信息变更",
                        edit.code(),
                        edit.name(),
                        edit.text(),
                        edit.on().toString());
            }

            Sheet problems = sheet(workbook, "待协调问题", header, "协调部门", "项目编号", "项目名称", "问题", "提出日期", "已等待(天)");
            for (WeeklySchedule.DepartmentProblems department : report.openProblems()) {
                for (WeeklySchedule.ProblemLine problem : department.problems()) {
                    row(
                            problems,
                            department.department(),
                            problem.code(),
                            problem.name(),
                            problem.title(),
                            problem.raisedOn().toString(),
                            problem.waitingDays());
                }
            }

            Sheet series = sheet(workbook, "周序列", header, "周次", "累计完成投资(万元)", "序时应完成(万元)", "红灯", "黄灯");
            WeeklySchedule.Series s = report.series();
            for (int i = 0; i < s.weeks().size(); i++) {
                row(
                        series,
                        s.weeks().get(i),
                        s.investmentCompleted().get(i),
                        s.investmentDue().get(i),
                        s.red().get(i),
                        s.yellow().get(i));
            }

            Sheet funnel = sheet(workbook, "转化漏斗", header, "项目库", "项目数", "年内转入", "年内转出");
            for (WeeklySchedule.FunnelStage stage : report.funnel()) {
                row(
                        funnel,
                        WeeklyLabels.pool(stage.pool()),
                        stage.projects(),
                        stage.convertedIn(),
                        stage.convertedOut());
            }
            ConversionFigures conversion = report.conversion();
            Sheet quarters = sheet(
                    workbook,
                    "转化分析",
                    header,
                    "项目库",
                    "季度",
                    "季初在库",
                    "本季转入",
                    "本季转化",
                    "其他转出",
                    "季末在库",
                    "转化率",
                    "停留中位数(天)",
                    "停留90%分位(天)",
                    "超黄灯时限",
                    "超红灯时限");
            for (ConversionFigures.QuarterFigures q : conversion.quarters()) {
                row(
                        quarters,
                        WeeklyLabels.pool(q.pool()),
                        ConversionAnalytics.quarterLabel(q.quarter()),
                        q.atStart(),
                        q.entered(),
                        q.converted(),
                        q.leftOtherwise(),
                        q.remaining(),
                        q.conversionRate(),
                        q.medianDwellDays(),
                        q.p90DwellDays(),
                        q.beyondYellowLimit(),
                        q.beyondRedLimit());
            }
            Sheet cohorts =
                    sheet(workbook, "转化队列", header, "项目库", "入库季度", "入库项目", "已转化", "其他转出", "仍在库", "转化率", "转化停留中位数(天)");
            for (ConversionFigures.Cohort c : conversion.cohorts()) {
                row(
                        cohorts,
                        WeeklyLabels.pool(c.pool()),
                        c.label(),
                        c.entered(),
                        c.converted(),
                        c.leftOtherwise(),
                        c.remaining(),
                        c.conversionRate(),
                        c.medianDwellDays());
            }
            Sheet keys =
                    sheet(workbook, "重点转化项目", header, "项目编号", "项目名称", "现所在库", "目标库", "目标日期", "转入日期", "状态", "逾期(天)");
            for (ConversionFigures.KeyConversionLine k :
                    conversion.keyConversions().projects()) {
                row(
                        keys,
                        k.code(),
                        k.name(),
                        WeeklyLabels.pool(k.pool()),
                        k.targetPool() == null ? "" : WeeklyLabels.pool(k.targetPool()),
                        k.targetDate() == null ? "" : k.targetDate().toString(),
                        k.reachedOn() == null ? "" : k.reachedOn().toString(),
                        k.statusLabel(),
                        k.daysLate());
            }
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static Sheet sheet(Workbook workbook, String name, CellStyle header, String... columns) {
        Sheet sheet = workbook.createSheet(name);
        Row top = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            top.createCell(c).setCellValue(columns[c]);
            top.getCell(c).setCellStyle(header);
            sheet.setColumnWidth(c, (columns[c].length() * 2 + 6) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof BigDecimal number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (value instanceof Long || value instanceof Integer) {
                row.createCell(c).setCellValue(((Number) value).doubleValue());
            } else if (value != null) {
                Cell cell = row.createCell(c);
                String text = value.toString();
                cell.setCellValue(text);
                if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                    // a name or reason that a spreadsheet could take for a formula stays text if it is edited (OWASP
                    // CSV injection)
                    CellUtil.setCellStyleProperty(cell, CellPropertyType.QUOTE_PREFIXED, true);
                }
            }
        }
    }
}
