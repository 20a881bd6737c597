package org.districtledger.tracker.weekly;

import io.quarkus.qute.TemplateExtension;
import org.districtledger.contract.IsoWeek;
import org.districtledger.tracker.project.TimelineEntry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the weekly pages write money, shares, changes and Chinese labels. */
@TemplateExtension
final class WeeklyFormat {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private WeeklyFormat() {}

    /** 万元 with thousands separators and two decimals. */
    static String wan(BigDecimal amount) {
        return new DecimalFormat("#,##0.00").format(amount);
    }

    /** A share (0.8484) as a percentage (84.8%). */
    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A change since last week: +3, −2, or 持平. */
    static String signed(long change) {
        return change > 0 ? "+" + change : change < 0 ? "−" + (-change) : "持平";
    }

    /** How many of the projects have no open flag. */
    static long quietCount(List<WeeklySchedule.ProjectLine> projects) {
        return projects.stream().filter(line -> line.flags().isEmpty()).count();
    }

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String poolLabel(String pool) {
        return WeeklyLabels.pool(pool);
    }

    static String colourLabel(String colour) {
        return WeeklyLabels.colour(colour);
    }

    static String changeLabel(String change) {
        return WeeklyLabels.change(change);
    }

    /** Lower-case colour for a CSS class: red, yellow. */
    static String css(String colour) {
        return colour.toLowerCase(Locale.ROOT);
    }

    /** What a timeline line is about: the registry's ledger, a flag or an assignment. */
    static String label(TimelineEntry.Kind kind) {
        return switch (kind) {
            case EVENT -> "项目台账";
            case FLAG -> "预警";
            case ASSIGNMENT -> "包联";
        };
    }

    static String local(Instant at) {
        return MINUTE.format(at);
    }

    /** 2023年第26周（6月26日—7月2日）. */
    static String chinese(WeeklySchedule report) {
        return WeeklyService.chinese(IsoWeek.of(report.monday()));
    }
}
