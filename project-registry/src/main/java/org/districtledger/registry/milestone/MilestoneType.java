package org.districtledger.registry.milestone;

/** The milestones of a project, in the order they must come. */
public enum MilestoneType {
    SITE_ENTERED("进场"),
    STARTED("开工"),
    COMPLETED("竣工"),
    IN_PRODUCTION("投产");

    private final String label;

    MilestoneType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
