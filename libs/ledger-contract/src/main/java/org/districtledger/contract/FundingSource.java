package org.districtledger.contract;

/** Where a project's money comes from. */
public enum FundingSource implements Labelled {
    SPECIAL_BONDS("专项债"),
    POLICY_FINANCE("政策性金融"),
    CENTRAL_BUDGET("中央预算内"),
    CORPORATE("企业自筹"),
    OTHER("其他");

    private final String label;

    FundingSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
