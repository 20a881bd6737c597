package org.districtledger.tracker.flag;

import java.util.Map;

/**
 * What a rule found on a project today: the colour, the reason a leader reads and the figures it was computed
 * from.
 *
 * @param subject what within the project the finding is about (a permit type), or empty
 * @param inputs the figures of the reason and the thresholds they were held against, by name, as text
 */
public record Finding(Rule rule, String subject, Colour colour, String reason, Map<String, String> inputs) {}
