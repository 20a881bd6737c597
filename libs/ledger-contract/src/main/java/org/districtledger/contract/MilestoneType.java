package org.districtledger.contract;

/** The milestones of a project, in the order they must come. */
public enum MilestoneType implements Labelled {
    SITE_ENTERED("进场"),
    STARTED("开工"),
    COMPLETED("竣工"),
    IN_PRODUCTION("投产");

    private final String label;

    MilestoneType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
