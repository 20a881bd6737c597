package org.districtledger.tracker.flag;

import java.time.LocalDate;

/** A flag as the API and the alerts show it, with who answers for the project. */
public record FlagView(long id, String projectCode, String projectName, String town, String industryChain,
                       String pool, Rule rule, String ruleLabel, int ruleVersion, String subject, Colour colour,
                       String reason, Flag.State state, LocalDate raisedOn, LocalDate escalatedOn, LocalDate clearedOn,
                       String leader, String taskForce) {
}
