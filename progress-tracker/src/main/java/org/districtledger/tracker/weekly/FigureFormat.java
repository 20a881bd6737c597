package org.districtledger.tracker.weekly;

import io.quarkus.qute.TemplateExtension;
import org.districtledger.tracker.conversion.ConversionAnalytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures that may be missing (a rate with nothing to divide, a dwell with no conversion), as the page writes them: {@code show:rate(x)}. */
@TemplateExtension(namespace = "show")
final class FigureFormat {

    private FigureFormat() {}

    /** A share as a percentage (84.8%), or — when there is none. */
    static String rate(BigDecimal share) {
        return share == null
                ? "—"
                : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Days (128 天), or — when there are none. */
    static String days(Long days) {
        return days == null ? "—" : days + " 天";
    }

    /** 2023Q1 → 2023年第1季度. */
    static String quarter(String quarter) {
        return ConversionAnalytics.quarterLabel(quarter);
    }
}
