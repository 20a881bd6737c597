package org.districtledger.contract;

/** The category of a project that is also on the city's ledger (市级重点项目). */
public enum CityCategory implements Labelled {
    KEY_CONSTRUCTION("重点建设"),
    KEY_RESERVE("重点储备"),
    KEY_PLANNING("重点谋划");

    private final String label;

    CityCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
