package org.districtledger.registry.reminder;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A task force's group robot: its kind, its webhook address (with the robot's key) and, for a DingTalk robot that
 * signs, its secret.
 */
public record RobotRequest(
        @NotNull TaskForceRobot.Kind kind,

        @NotNull @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address")
        String webhookUrl,

        @Size(max = 200) String secret) {}
