package org.districtledger.registry;

import org.districtledger.testsupport.LedgerInfrastructureResource;

import java.util.Map;

/** Real PostgreSQL (database {@code registry}) and Kafka for the registry's tests. */
public class RegistryInfrastructure extends LedgerInfrastructureResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "registry"));
    }
}
