package org.districtledger.tracker.flag;

/**
 * The flag rules, each with the version of its logic (raise it when the logic changes) and its name as the
 * project office says it. Thresholds are configuration: {@link FlagSettings}.
 */
public enum Rule {
    STALLED_START(1, "未按期开工"),
    SILENT(1, "长期未报"),
    LAGGING_INVESTMENT(1, "投资滞后"),
    STUCK_CONVERSION(1, "转化停滞"),
    OVERDUE_PROCEDURE(1, "手续超期"),
    MISSING_ACCOUNTABILITY(1, "包联缺失");

    private final int version;
    private final String label;

    Rule(int version, String label) {
        this.version = version;
        this.label = label;
    }

    public int version() {
        return version;
    }

    public String label() {
        return label;
    }
}
