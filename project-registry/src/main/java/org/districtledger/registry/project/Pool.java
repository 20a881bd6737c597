package org.districtledger.registry.project;

/** Where a project stands: one of the four pools (四库), or a state after or beside them. */
public enum Pool {
    PLANNING("谋划库"),
    RESERVE("储备库"),
    PREPARING("预备库"),
    BUILDING("建设库"),
    COMPLETED("已竣工"),
    IN_PRODUCTION("已投产"),
    SUSPENDED("暂停"),
    CANCELLED("取消");

    private final String label;

    Pool(String label) {
        this.label = label;
    }

    /** The name the project office uses. */
    public String label() {
        return label;
    }
}
