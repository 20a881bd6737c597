package org.districtledger.contract;

/** The permits a project goes through (手续), in the order they usually come. */
public enum ProcedureType implements Labelled {
    PROJECT_APPROVAL("立项（审批/核准/备案）"),
    LAND_PRE_APPROVAL("用地预审"),
    LAND_USE_PLANNING_PERMIT("建设用地规划许可证"),
    LAND_CERTIFICATE("土地证"),
    ENVIRONMENTAL_ASSESSMENT("环评"),
    ENERGY_ASSESSMENT("能评"),
    CONSTRUCTION_PLANNING_PERMIT("建设工程规划许可证"),
    CONSTRUCTION_PERMIT("施工许可证");

    private final String label;

    ProcedureType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
