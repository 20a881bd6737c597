package org.districtledger.registry;

import org.districtledger.testsupport.LedgerInfrastructureResource;

import java.util.HashMap;
import java.util.Map;

/** Real PostgreSQL (database {@code registry}) and Kafka for the registry's tests. */
public class RegistryInfrastructure extends LedgerInfrastructureResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.put("database", "registry");
        super.init(args);
    }
}
