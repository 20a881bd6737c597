package org.districtledger.registry.milestone;

import org.districtledger.contract.MilestoneType;
import org.districtledger.contract.Pool;

import java.time.LocalDate;

/** A milestone as recorded, with the pool the project is in afterwards. */
public record MilestoneView(String projectCode, MilestoneType type, String label, LocalDate date, Pool pool) {}
