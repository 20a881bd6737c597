package org.districtledger.tracker.weekly;

import java.util.Map;

/** The Chinese words the weekly view's readers use for pools, flag changes and colours. */
public final class WeeklyLabels {

    private static final Map<String, String> POOLS = Map.of("PLANNING", "谋划库", "RESERVE", "储备库", "PREPARING", "预备库",
            "BUILDING", "建设库", "COMPLETED", "已竣工", "IN_PRODUCTION", "已投产", "SUSPENDED", "暂停", "CANCELLED", "取消");
    private static final Map<String, String> CHANGES = Map.of("RAISED", "新亮灯", "ESCALATED", "升级为红灯", "CLEARED", "已消除");
    private static final Map<String, String> COLOURS = Map.of("RED", "红", "YELLOW", "黄");

    private WeeklyLabels() {
    }

    public static String pool(String pool) {
        return pool == null ? "" : POOLS.getOrDefault(pool, pool);
    }

    public static String change(String change) {
        return CHANGES.getOrDefault(change, change);
    }

    public static String colour(String colour) {
        return COLOURS.getOrDefault(colour, colour);
    }
}
