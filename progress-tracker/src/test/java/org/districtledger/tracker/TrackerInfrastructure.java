package org.districtledger.tracker;

import org.districtledger.testsupport.LedgerInfrastructureResource;

import java.util.HashMap;
import java.util.Map;

/** Real PostgreSQL (database {@code tracker}) and Kafka for the tracker's tests. */
public class TrackerInfrastructure extends LedgerInfrastructureResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.put("database", "tracker");
        super.init(args);
    }
}
