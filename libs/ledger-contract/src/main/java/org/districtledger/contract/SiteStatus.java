package org.districtledger.contract;

/** Where the project stands on its site (进场情况). */
public enum SiteStatus implements Labelled {
    NOT_ENTERED("未进场"),
    ENTERED("已进场"),
    STARTED("已开工");

    private final String label;

    SiteStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
