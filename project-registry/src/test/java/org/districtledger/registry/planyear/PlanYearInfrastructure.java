package org.districtledger.registry.planyear;

import org.districtledger.testsupport.LedgerInfrastructureResource;

import java.util.HashMap;
import java.util.Map;

/**
 * A registry database of its own ({@code registry_years}): a rollover closes the open plan year, which the other
 * tests' projects must stay free to use.
 */
public class PlanYearInfrastructure extends LedgerInfrastructureResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.put("database", "registry_years");
        super.init(args);
    }
}
