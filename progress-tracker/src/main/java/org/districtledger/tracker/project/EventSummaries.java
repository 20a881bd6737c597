package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.contract.Labelled;
import org.districtledger.contract.MilestoneType;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.contract.ProjectField;

import java.util.StringJoiner;

/** How a registry event reads in a project's timeline, in the words of the project office. */
final class EventSummaries {

    private EventSummaries() {}

    static String of(ProjectEvent event) {
        JsonNode change = event.change();
        String type = event.type().substring(ProjectEventType.PREFIX.length());
        return switch (type) {
            case "registered.v1" -> "登记入库：" + pool(event.project().path("pool").asText());
            case "updated.v1" -> "信息变更：" + labels(change.path("fields"));
            case "updated.v2" -> {
                StringJoiner text = new StringJoiner("；", "信息变更：", "");
                change.path("values")
                        .properties()
                        .forEach(value -> text.add(FieldChanges.describe(
                                value.getKey(),
                                value.getValue().path("old"),
                                value.getValue().path("new"))));
                yield text.toString();
            }
            case "converted.v1" ->
                "项目转化：" + pool(change.path("from").asText()) + " → "
                        + pool(change.path("to").asText())
                        + "（" + change.path("date").asText() + "）"
                        + (change.path("reason").isTextual()
                                ? "，原因：" + change.path("reason").asText()
                                : "");
            case "progress-reported.v1" -> {
                JsonNode report = change.path("report");
                yield (change.path("corrected").asBoolean() ? "更正周报 " : "周报 ")
                        + report.path("isoWeek").asText()
                        + "：完成投资 " + report.path("investmentCompleted").asText() + " 万元，年度累计 "
                        + report.path("cumulativeInvestmentYear").asText() + " 万元，形象进度 "
                        + report.path("imageProgressPercent").asText() + "%";
            }
            case "procedure-updated.v1" -> {
                JsonNode procedure = change.path("procedure");
                yield "手续 " + procedure.path("label").asText() + "："
                        + Labelled.labelOf(
                                ProcedureStatus.class, procedure.path("status").asText())
                        + (procedure.path("approvalNumber").isTextual()
                                ? "（" + procedure.path("approvalNumber").asText() + "）"
                                : "");
            }
            case "milestone-reached.v1" ->
                "里程碑 "
                        + Labelled.labelOf(
                                MilestoneType.class, change.path("milestone").asText()) + "："
                        + change.path("date").asText();
            case "problem-raised.v1" ->
                "提出问题：" + change.path("problem").path("title").asText() + "（协调部门："
                        + change.path("problem").path("department").asText() + "）";
            case "problem-resolved.v1" ->
                "问题已解决：" + change.path("problem").path("title").asText() + "，"
                        + change.path("problem").path("resolutionNote").asText();
            case "problem-commented.v1" ->
                "问题留言：" + change.path("problem").path("title").asText() + "，"
                        + change.path("comment").path("body").asText();
            case "photo-added.v1" ->
                "上传形象进度照片（" + change.path("photo").path("isoWeek").asText() + "）";
            default -> event.type();
        };
    }

    static String pool(String pool) {
        return Labelled.labelOf(Pool.class, pool);
    }

    /** The fields an event names, in the office's words (a name it does not know stays as it is). */
    private static String labels(JsonNode fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach(
                field -> text.append(text.length() == 0 ? "" : "、").append(ProjectField.labelOf(field.asText())));
        return text.toString();
    }
}
