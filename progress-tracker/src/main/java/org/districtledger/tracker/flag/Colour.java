package org.districtledger.tracker.flag;

import org.districtledger.contract.Labelled;

/** How bad it is: yellow (黄灯) warns, red (红灯) calls for a leader. */
public enum Colour implements Labelled {
    YELLOW("黄"),
    RED("红");

    private final String label;

    Colour(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
