package org.districtledger.tracker.flag;

/**
 * What a rule found on a project today: the colour and the reason a leader reads.
 *
 * @param subject what within the project the finding is about (a permit type), or empty
 */
public record Finding(Rule rule, String subject, Colour colour, String reason) {}
