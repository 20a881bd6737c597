package org.districtledger.contract;

import java.util.List;

/** Where a project stands: one of the four pools (四库), or a state after or beside them. */
public enum Pool implements Labelled {
    PLANNING("谋划库"),
    RESERVE("储备库"),
    PREPARING("预备库"),
    BUILDING("建设库"),
    COMPLETED("已竣工"),
    IN_PRODUCTION("已投产"),
    SUSPENDED("暂停"),
    CANCELLED("取消");

    /** The four pools of the funnel, from idea to site (谋划→储备→预备→建设). */
    public static final List<Pool> FUNNEL = List.of(PLANNING, RESERVE, PREPARING, BUILDING);

    private final String label;

    Pool(String label) {
        this.label = label;
    }

    /** The name the project office uses. */
    @Override
    public String label() {
        return label;
    }

    /** In one of the four pools: still to be converted or built, so the rules watch it. */
    public boolean inFunnel() {
        return FUNNEL.contains(this);
    }

    /** Preparing or building: the task force reports on it every week. */
    public boolean reportsWeekly() {
        return this == PREPARING || this == BUILDING;
    }

    /** Preparing, building or past it: its annual plan counts towards the year's investment. */
    public boolean underWay() {
        return this == PREPARING || this == BUILDING || this == COMPLETED || this == IN_PRODUCTION;
    }
}
