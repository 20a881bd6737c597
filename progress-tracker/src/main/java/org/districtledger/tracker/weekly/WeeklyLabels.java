package org.districtledger.tracker.weekly;

import org.districtledger.contract.Labelled;
import org.districtledger.contract.Pool;
import org.districtledger.tracker.flag.Colour;

import java.util.Map;

/** The Chinese words the weekly view's readers use for pools, flag changes and colours, by their names. */
public final class WeeklyLabels {

    private static final Map<String, String> CHANGES =
            Map.of("RAISED", "新亮灯", "ESCALATED", "升级为红灯", "DEESCALATED", "降为黄灯", "CLEARED", "已消除");

    private WeeklyLabels() {}

    public static String pool(String pool) {
        return Labelled.labelOf(Pool.class, pool);
    }

    public static String change(String change) {
        return CHANGES.getOrDefault(change, change);
    }

    public static String colour(String colour) {
        return Labelled.labelOf(Colour.class, colour);
    }
}
